# TeleCmi API image, and (target `standin`) the TeleCMI stand-in's image for the docker-compose demo.
#   docker build -t telecmi-api .
#   docker run -p 8080:8080 --env-file .env telecmi-api      (or: docker compose up, see docker-compose.yml)
#   docker build --target standin -t telecmi-standin .      (src/TeleCmiStandIn/README.md)
#
# Stage 1 (projects): only the files restore needs -- *.csproj, Directory.*.props, NuGet.config.
# Its output changes only when one of those changes, so the restore layer below stays cached
# across source-only edits, and a project added later under src/ or migrations/ is picked up
# without editing this file.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS projects
WORKDIR /src
COPY . .
RUN find . -type f ! \( -name '*.csproj' -o -name 'Directory.*.props' -o -iname 'NuGet.config' \) -delete \
 && find . -type d -empty -delete

# Stage 2 (build): restore, then publish src/Api/TeleCmi.Api.csproj (it references src/* and
# the per-provider migration projects under migrations/) and the stand-in on its own.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
COPY --from=projects /src ./
RUN dotnet restore src/Api/TeleCmi.Api.csproj
COPY . .
RUN dotnet publish src/Api/TeleCmi.Api.csproj -c Release -o /app/publish --no-restore -p:UseAppHost=false \
 && dotnet publish src/TeleCmiStandIn/TeleCmi.StandIn.csproj -c Release -o /app/standin --no-restore -p:UseAppHost=false

# Stage 3a (standin): the TeleCMI stand-in alone, a TeleCMI look-alike for demos (never in front of real users).
# Its settings (TeleCmi__AppId, TeleCmi__AppSecret, TeleCmi__WebhookToken, TeleCmi__Simulator__WebhookBaseUrl)
# come from docker-compose.yml. Before the API's stage, so that a plain `docker build` still builds the API.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS standin
WORKDIR /app
ENV ASPNETCORE_URLS=http://+:8081 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
COPY --from=build --chown=app:app /app/standin ./
USER $APP_UID
EXPOSE 8081
ENTRYPOINT ["dotnet", "TeleCmi.StandIn.dll"]

# Stage 3 (runtime, the default target): the API. ASP.NET Core runtime only, non-root.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
# data/ holds the SQLite file when Database:Provider=Sqlite (ConnectionStrings:Default=Data Source=data/telecmi.db);
# with MySql (docker-compose.yml) it stays empty. Mount a volume on /app/data to keep a SQLite database.
RUN mkdir -p /app/data && chown app:app /app/data
COPY --from=build --chown=app:app /app/publish ./
# The image's built-in non-root `app` user (uid 1654); $APP_UID is numeric so
# Kubernetes' runAsNonRoot can verify it.
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "TeleCmi.Api.dll"]
