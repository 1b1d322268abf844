# syntax=docker/dockerfile:1
# The bot for one community: `docker run IMAGE discord` or `docker run IMAGE slack --http --port 3000`.
FROM python:3.11-slim

# Optional features to install, as named in pyproject.toml's [project.optional-dependencies].
ARG EXTRAS="discord,slack,picture,replicas,postgres"

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app \
    KNOWLEDGE_DIR=/app/knowledge \
    ALIASES_FILE=/app/defaults/aliases.yml \
    HEALTH_PORT=8080

WORKDIR /app

# Dependencies first, from pyproject.toml alone: this layer is rebuilt only when it changes.
COPY pyproject.toml ./
RUN python -c "import sys, tomllib; project = tomllib.load(open('pyproject.toml', 'rb'))['project']; extras = project['optional-dependencies']; print(*project['dependencies'], *(r for name in sys.argv[1].split(',') for r in extras[name]), sep='\n')" "$EXTRAS" > /tmp/requirements.txt \
    && pip install --no-cache-dir -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

RUN groupadd --system --gid 10001 newsdesk \
    && useradd --system --create-home --no-log-init --uid 10001 --gid newsdesk newsdesk

# matplotlib builds a font cache before its first picture, which takes seconds: build it now, in
# the runtime user's home, so the first /timeline picture is as quick as the next.
RUN if python -c "import matplotlib" 2>/dev/null; then \
        HOME=/home/newsdesk python -c "import matplotlib.font_manager" \
        && chown -R newsdesk:newsdesk /home/newsdesk/.cache; \
    fi

# The source, and the bundled articles as the default knowledge base (mount a volume over
# /app/knowledge, or set KNOWLEDGE_DIR, to use your own). Owned by root: the bot only reads them.
COPY bot/ ./bot/
# The bot's bytecode, compiled once here: PYTHONDONTWRITEBYTECODE keeps Python from writing it,
# not from reading it, and without it every start would compile the package again (0.2 to
# 0.4 s of a start on a small machine; the dependencies' bytecode pip wrote at install).
RUN python -m compileall -q bot
COPY knowledge/ ./knowledge/
# A copy of the bundled aliases outside /app/knowledge: a folder mounted there without an
# aliases.yml of its own still gets them (ALIASES_FILE; /status says which file is live).
RUN mkdir /app/defaults && cp /app/knowledge/aliases.yml /app/defaults/aliases.yml

# Numeric, so an orchestrator can tell it is not root (Kubernetes' runAsNonRoot).
USER 10001:10001

# 8080: /healthz and /readyz (HEALTH_PORT); 3000: Slack's POST /slack/events with --http.
EXPOSE 8080 3000

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('HEALTH_PORT', '8080') + '/healthz', timeout=4)"]

ENTRYPOINT ["python", "-m", "bot"]
CMD ["discord"]
