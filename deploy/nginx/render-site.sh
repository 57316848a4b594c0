#!/usr/bin/env bash
# Writes the nginx site for two Ipp.Graph instances (ipp-graph.conf.template beside this script) to standard output,
# its values taken from the environment; each one must be set:
#
#   IPP_SERVER_NAME           the site's name (portal.example.org)
#   IPP_HTTPS_LISTEN          where it listens for HTTPS (443, or 127.0.0.1:8443)
#   IPP_HTTP_LISTEN           where plain HTTP is redirected from (80)
#   IPP_TLS_CERTIFICATE       the certificate chain's file (PEM)
#   IPP_TLS_CERTIFICATE_KEY   its private key's file
#   IPP_INSTANCE_A            the first instance's address (10.0.0.11:8080)
#   IPP_INSTANCE_B            the second's
#
# Usage: deploy/nginx/render-site.sh > /etc/nginx/sites-available/ipp-graph   (needs envsubst: Debian's gettext-base)
set -euo pipefail

variables=(IPP_SERVER_NAME IPP_HTTPS_LISTEN IPP_HTTP_LISTEN IPP_TLS_CERTIFICATE IPP_TLS_CERTIFICATE_KEY IPP_INSTANCE_A IPP_INSTANCE_B)
for name in "${variables[@]}"; do
  [ -n "${!name:-}" ] || { echo "render-site.sh: $name is not set" >&2; exit 2; }
done
command -v envsubst > /dev/null || { echo "render-site.sh: envsubst is needed (apt-get install gettext-base)" >&2; exit 1; }

# Only these names are replaced: nginx's own $variables stay as they are.
envsubst "$(printf '${%s} ' "${variables[@]}")" < "$(dirname "$0")/ipp-graph.conf.template"
