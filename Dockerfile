# Ipp.Graph as a container: the server on port 8080, its SQLite database and the experiments' folder (UPLOAD_FOLDER,
# shared with the backend) under /data. Build: docker build -t ipp-graph .   Run: see README.md ("Docker").

# Build: the .NET SDK, plus Node.js and npm because building the server installs the IDE (Banana Cake Pop) with npm ci.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# Restore and npm ci first, from the files that pin them only, so source changes reuse these layers.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/Ipp.Graph.Engine/Ipp.Graph.Engine.csproj src/Ipp.Graph.Engine/
COPY src/Ipp.Graph/Ipp.Graph.csproj src/Ipp.Graph/
COPY src/Ipp.Graph/Ide/package.json src/Ipp.Graph/Ide/package-lock.json src/Ipp.Graph/Ide/
RUN dotnet restore src/Ipp.Graph/Ipp.Graph.csproj
RUN cd src/Ipp.Graph/Ide && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.package-lock.json

COPY schema.graphql ./
COPY src/ src/
RUN dotnet publish src/Ipp.Graph/Ipp.Graph.csproj -c Release --no-restore -o /app -p:UseAppHost=false

# Run: the ASP.NET Core runtime only, as the image's non-root user "app" ($APP_UID).
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./

# ASPNETCORE_URLS replaces the image's ASPNETCORE_HTTP_PORTS, emptied so the server does not warn that it overrides it.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS= \
    UPLOAD_FOLDER=/data/uploads \
    ConnectionStrings__Ipp="Data Source=/data/ipp.db"

# The volumes start out owned by the non-root user (Docker copies this into a new named volume); a bind-mounted
# host folder must be writable by uid $APP_UID (1654) itself. The uploads are their own volume so the backend's
# shared folder can be mounted there; the database stays in /data.
RUN mkdir -p /data/uploads && chown -R "$APP_UID:$APP_UID" /data
VOLUME ["/data", "/data/uploads"]

USER $APP_UID
EXPOSE 8080

# The runtime image has neither curl nor wget: the server's own "health" command asks GET /health on this
# container's address (from ASPNETCORE_URLS) and exits 0 only on 200.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["dotnet", "/app/Ipp.Graph.dll", "health"]

ENTRYPOINT ["dotnet", "/app/Ipp.Graph.dll"]
