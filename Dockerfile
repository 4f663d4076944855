# A small runtime image for Patchbay: the release binary (static Swift runtime) on
# debian:bookworm-slim with CA certificates. Not built in this repository's CI (no Docker
# engine there); build it with:  docker build -t patchbay .
#   docker run --rm -v "$PWD:/work" -e AWS_REGION -e AWS_ACCESS_KEY_ID -e AWS_SECRET_ACCESS_KEY \
#     -e AWS_SESSION_TOKEN patchbay plan manifests/
FROM swift:6.3.1-bookworm AS build
WORKDIR /src
COPY . .
RUN scripts/release-build.sh && cp dist/patchbay-linux-*/patchbay /patchbay

FROM debian:bookworm-slim
# ldd of the release binary: libc, libm, libstdc++, libgcc_s, libz (no Swift runtime).
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates libstdc++6 zlib1g \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /patchbay /usr/local/bin/patchbay
USER 65532:65532
WORKDIR /work
ENTRYPOINT ["patchbay"]
CMD ["--help"]
