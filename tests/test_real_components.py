import pytest

INNER_TESTS = """
import pytest

@pytest.mark.real_component
def test_needs_a_server():
    pytest.skip("redis-server is not installed")

@pytest.fixture
def redis_server():
    pytest.skip("redis-server is not installed")

def test_using_the_fixture(redis_server):
    pass

def test_plain():
    pytest.skip("not a real component")
"""


def test_skipped_real_component_tests_are_summed_up_in_one_line(pytester: pytest.Pytester):
    pytester.makeconftest("pytest_plugins = ['real_components']")
    pytester.makepyfile(INNER_TESTS)

    result = pytester.runpytest("-p", "no:asyncio")

    result.assert_outcomes(skipped=3)
    result.stdout.fnmatch_lines(["2 real-component tests skipped: redis-server is not installed"])


def test_no_summary_line_when_every_real_component_ran(pytester: pytest.Pytester):
    pytester.makeconftest("pytest_plugins = ['real_components']")
    pytester.makepyfile("import pytest\n\n@pytest.mark.real_component\ndef test_ran():\n    pass\n")

    result = pytester.runpytest("-p", "no:asyncio")

    result.assert_outcomes(passed=1)
    assert "real-component" not in result.stdout.str()
