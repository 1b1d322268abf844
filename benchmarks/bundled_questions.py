"""Questions about the bundled articles that the benchmarks ask: five the articles answer, and one
off-topic question they decline (the decline path is timed too)."""

ANSWERED = [
    "What did Putin say about North Korean troops?",
    "How many North Korean soldiers are in Russia?",
    "Where was the 2023 BRICS summit held?",
    "What did Guterres say about peace in Ukraine?",
    "Which countries could become BRICS partners?",
]
DECLINED = ["What is the capital of Australia?"]
QUESTIONS = ANSWERED + DECLINED
