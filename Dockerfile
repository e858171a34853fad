FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY auditor ./auditor
COPY reports/templates ./reports/templates
RUN pip install --no-cache-dir -e ".[postgres]"
ENTRYPOINT ["auditor"]
CMD ["--help"]
