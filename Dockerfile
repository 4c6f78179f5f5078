# Frontline app image (used by the AWS CDK app in deploy/, docs/deploy.md): Python 3.11 slim, the pinned requirements
# installed without resolving (see requirements.txt's header), Streamlit on 8501 on all interfaces.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
# The offline translator (services/adapters/local/translator.py): Debian's Apertium with its English-Spanish pair
RUN apt-get update && apt-get install -y --no-install-recommends apertium apertium-eng-spa \
    && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install --no-deps -r requirements.txt
COPY . .
RUN useradd --create-home --uid 10001 frontline && mkdir -p /app/data && chown -R frontline /app/data
USER frontline
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"]
# Builds FRONTLINE_DATABASE_URL from DB_HOST/DB_PORT/DB_USER/DB_PASSWORD/DB_NAME, then
# `streamlit run app.py --server.address 0.0.0.0 --server.port 8501`.
ENTRYPOINT ["python", "deploy/entrypoint.py"]
