# Production image: gunicorn serves the portal (WhiteNoise serves static files) behind the
# proxy of docker-compose.yml (deploy/nginx.conf), which alone publishes ports.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_ENV=production PIP_NO_CACHE_DIR=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 1000 portaal
WORKDIR /app
COPY pyproject.toml README.md ./
RUN pip install --upgrade pip && pip install .
COPY --chown=portaal:portaal . .
# collectstatic needs settings; these build-time values are never used at run time.
RUN SECRET_KEY=build-only ALLOWED_HOSTS=build DATABASE_URL=sqlite:////tmp/build.sqlite3 PORTAL_BASE_URL=http://build \
    python manage.py collectstatic --noinput -v0
USER portaal
EXPOSE 8000
CMD ["gunicorn", "inclusie.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
