#!/usr/bin/env bash
# The committed API contract, docs/openapi.json.
#
#   bash scripts/openapi.sh regenerate   rewrite docs/openapi.json from the document the service serves
#                                        (runs the document test with TELECMI_WRITE_OPENAPI=1; needs the .NET SDK)
#   bash scripts/openapi.sh lint         spectral (spectral:oas) and redocly (recommended) on docs/openapi.json,
#                                        with the versions pinned in tools/openapi/package-lock.json (needs node + npm)
#   bash scripts/openapi.sh check        both: regenerate, then lint, then show `git diff --stat docs/openapi.json`
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

regenerate() {
  TELECMI_WRITE_OPENAPI=1 dotnet test tests/TeleCmi.IntegrationTests \
    --filter "FullyQualifiedName~Contract.OpenApiDocumentTests.ServedDocument_EqualsTheCommittedOne" \
    --logger "console;verbosity=minimal" >/dev/null
  echo "docs/openapi.json regenerated"
}

lint() {
  ( cd tools/openapi
    [ -d node_modules/@stoplight/spectral-cli ] && [ -d node_modules/@redocly/cli ] || npm ci --no-audit --no-fund --loglevel=error
    npm run --silent lint )
}

case "${1:-}" in
  regenerate) regenerate ;;
  lint) lint ;;
  check) regenerate; lint; git diff --stat -- docs/openapi.json ;;
  *) echo "usage: bash scripts/openapi.sh regenerate|lint|check" >&2; exit 2 ;;
esac
