# syntax=docker/dockerfile:1
# Two stages: "build" turns the source into wheels (the auditor and every dependency); "final"
# installs those wheels only, runs as a non-root user and holds no build tools or source tree.

FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY auditor ./auditor
RUN pip wheel --no-cache-dir --wheel-dir /wheels ".[postgres]"

FROM python:3.11-slim AS final
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
# libgomp1: OpenMP runtime of onnxruntime (face detection); no compiler, no headers
RUN apt-get update \
    && apt-get install -y --no-install-recommends libgomp1 \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 auditor \
    && useradd --system --uid 10001 --gid auditor --home-dir /var/lib/auditor \
       --create-home --shell /usr/sbin/nologin auditor
RUN --mount=type=bind,from=build,source=/wheels,target=/wheels \
    pip install --no-index --find-links /wheels "auditor[postgres]"
USER auditor
# relative paths of the config ([storage] data_dir, reports_dir, SQLite) land in the volume
WORKDIR /var/lib/auditor
HEALTHCHECK --interval=60s --timeout=30s --start-period=60s --retries=3 CMD ["auditor", "health"]
ENTRYPOINT ["auditor"]
CMD ["worker"]
