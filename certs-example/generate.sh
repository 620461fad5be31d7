#!/usr/bin/env bash
#
# Regenerates the EXAMPLE PKI in this folder from scratch, using only the openssl CLI (OpenSSL 3.0+).
# EXAMPLES ONLY: the private keys are committed to a public repository. Never use them for anything real.
#
# Usage: certs-example/generate.sh        (from anywhere; it works in its own folder)
#        certs-example/generate.sh tls    (only adds the TLS certificates that are missing; changes nothing else)
#
# Every full run deletes the party folders and makes new keys, certificates and CRLs, so it is idempotent but
# not deterministic: new keys, new serial numbers, new dates. Run the crypto tests afterwards. The `tls` run issues
# a party's TLS certificate (<party>/tls/) from the existing CA only when that folder is missing, so the committed
# certificates that tests pin stay as they are.
#
# Why `openssl ca` and not `openssl x509 -req`: only `openssl ca` can back-date a certificate (-startdate /
# -enddate), which the `expired` party needs, and only it keeps the index that `-revoke` and `-gencrl` need.
# The CA working files (index, serial, CSRs) live in a temporary folder and are thrown away: the CRLs are
# issued for 20 years, so nobody needs to re-issue them between regenerations.

set -euo pipefail

MODE="${1:-all}"
case "$MODE" in
  all|tls) ;;
  *) echo "usage: $0 [tls]" >&2; exit 2 ;;
esac

cd "$(dirname "${BASH_SOURCE[0]}")"
HERE="$(pwd)"

command -v openssl >/dev/null || { echo "openssl is not on the PATH" >&2; exit 1; }
case "$(openssl version)" in
  "OpenSSL 3."*) ;;
  *) echo "needs OpenSSL 3.x, found: $(openssl version)" >&2; exit 1 ;;
esac

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# --- Dates --------------------------------------------------------------------------------------------------
# Roots start five years ago (so the expired party's past validity lies inside its issuer's) and outlive every
# certificate they issue. Parties start a day ago (tolerates clock skew) and last 20 years so tests do not rot.
stamp() { date -u -d "$1" +%Y%m%d%H%M%SZ; }
ROOT_START="$(stamp 'now - 5 years')"
ROOT_END="$(stamp 'now + 21 years')"
PARTY_START="$(stamp 'now - 1 day')"
PARTY_END="$(stamp 'now + 20 years')"
EXPIRED_START="$(stamp 'now - 4 years')"
EXPIRED_END="$(stamp 'now - 3 years')"
CRL_DAYS=7300   # 20 years

PARTIES=(uk-root-ca eu-root-ca gateway audit police-scotland nca europol spoc-ie expired revoked)

# --- A minimal `openssl ca` configuration; CA_DIR selects which CA's database is used. -----------------------
CONF="$WORK/ca.cnf"
cat > "$CONF" <<'CNF'
[ ca ]
default_ca = example_ca

[ example_ca ]
dir              = $ENV::CA_DIR
database         = $dir/index.txt
new_certs_dir    = $dir/issued
serial           = $dir/serial
crlnumber        = $dir/crlnumber
default_md       = sha256
policy           = policy_example
unique_subject   = no
email_in_dn      = no
copy_extensions  = none
crl_extensions   = crl_ext

[ policy_example ]
countryName      = supplied
organizationName = supplied
commonName       = supplied

[ req ]
distinguished_name = req_dn
prompt             = no
utf8               = yes
[ req_dn ]
CN = placeholder (the real subject is given with -subj)

# A root CA: signs certificates and CRLs, nothing else.
[ ext_root ]
basicConstraints       = critical, CA:true
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

# An EC party: signs messages and receipts (digitalSignature, nonRepudiation) and receives messages
# encrypted to it by ephemeral-static ECDH (keyAgreement).
[ ext_party_ec ]
basicConstraints       = critical, CA:false
keyUsage               = critical, digitalSignature, nonRepudiation, keyAgreement
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

# An RSA party: signs messages and receives messages whose content key is RSA-OAEP encrypted to it.
[ ext_party_rsa ]
basicConstraints       = critical, CA:false
keyUsage               = critical, digitalSignature, keyEncipherment
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

# The gateway's audit-log signing key: signs audit checkpoints and nothing else. The extended key usage names
# that one purpose (an OID under 2.25, the UUID arc of ITU-T X.667, so it needs no registration); verifiers accept
# checkpoints only from a certificate that carries it, so no other certificate of the same CA (an agency's, say)
# can stand in for the audit key. The OID is CryptoProfile.AUDIT_LOG_SIGNING_PURPOSE.
[ ext_audit ]
basicConstraints       = critical, CA:false
keyUsage               = critical, digitalSignature, nonRepudiation
extendedKeyUsage       = 2.25.264163566466402517913566516995316176419
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

# A TLS certificate of a party that runs a gateway: the server certificate of its inbound HTTPS endpoint and the
# client certificate it presents when it POSTs envelopes to a partner (mutual TLS). Issued by the party's CA with the
# same subject as its message certificate, because the receiving gateway checks that an HTTPS client is the partner
# named in the envelope by comparing subjects. Names the loopback host both ways it is reached, so that hostname
# verification passes on one machine.
[ ext_tls_ec ]
basicConstraints       = critical, CA:false
keyUsage               = critical, digitalSignature
extendedKeyUsage       = serverAuth, clientAuth
subjectAltName         = DNS:localhost, IP:127.0.0.1
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ crl_ext ]
authorityKeyIdentifier = keyid:always
CNF

# --- Helpers ------------------------------------------------------------------------------------------------
new_key() {   # new_key <party> ec|rsa   -> <party>/key.pem, unencrypted PKCS#8
  local party="$1" type="$2"
  mkdir -p "$HERE/$party"
  case "$type" in
    ec)  openssl genpkey -quiet -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
           -pkeyopt ec_param_enc:named_curve -out "$HERE/$party/key.pem" ;;
    rsa) openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out "$HERE/$party/key.pem" ;;
  esac
}

new_csr() {   # new_csr <name> <subject> [<key>]   (CA_DIR is unused by req but the shared config names it)
  CA_DIR="$WORK" openssl req -new -config "$CONF" -key "${3:-$HERE/$1/key.pem}" -subj "$2" -out "$WORK/$1.csr"
}

init_ca_db() {   # init_ca_db <ca>: an empty database with a random 128-bit starting serial
  local db="$WORK/db-$1"
  mkdir -p "$db/issued"
  : > "$db/index.txt"
  echo "unique_subject = no" > "$db/index.txt.attr"
  echo "01$(openssl rand -hex 15)" > "$db/serial"
  echo 1000 > "$db/crlnumber"
}

ca() {   # ca <ca> <openssl ca arguments...>
  local ca_name="$1"; shift
  CA_DIR="$WORK/db-$ca_name" openssl ca -batch -notext -config "$CONF" "$@" 2>"$WORK/ca.log" \
    || { cat "$WORK/ca.log" >&2; exit 1; }
}

make_root() {   # make_root <ca> <subject>
  local name="$1" subject="$2"
  new_key "$name" ec
  new_csr "$name" "$subject"
  init_ca_db "$name"
  ca "$name" -selfsign -keyfile "$HERE/$name/key.pem" -in "$WORK/$name.csr" -out "$HERE/$name/cert.pem" \
    -extensions ext_root -startdate "$ROOT_START" -enddate "$ROOT_END" -preserveDN
}

issue() {   # issue <party> <issuing ca> ec|rsa <subject> [<startdate> <enddate> [<extensions section>]]
  local party="$1" issuer="$2" type="$3" subject="$4"
  local start="${5:-$PARTY_START}" end="${6:-$PARTY_END}" extensions="${7:-ext_party_$3}"
  new_key "$party" "$type"
  new_csr "$party" "$subject"
  ca "$issuer" -cert "$HERE/$issuer/cert.pem" -keyfile "$HERE/$issuer/key.pem" -in "$WORK/$party.csr" \
    -out "$HERE/$party/cert.pem" -extensions "$extensions" -startdate "$start" -enddate "$end" -preserveDN
}

issue_tls() {   # issue_tls <party> <issuing ca> <subject>   -> <party>/tls/cert.pem and key.pem (EC P-256)
  local party="$1" issuer="$2" subject="$3"
  new_key "$party/tls" ec
  new_csr "$party-tls" "$subject" "$HERE/$party/tls/key.pem"
  ca "$issuer" -cert "$HERE/$issuer/cert.pem" -keyfile "$HERE/$issuer/key.pem" -in "$WORK/$party-tls.csr" \
    -out "$HERE/$party/tls/cert.pem" -extensions ext_tls_ec -startdate "$PARTY_START" -enddate "$PARTY_END" \
    -preserveDN
}

crl() {   # crl <ca>  -> <ca>/crl.pem
  ca "$1" -gencrl -cert "$HERE/$1/cert.pem" -keyfile "$HERE/$1/key.pem" -crldays "$CRL_DAYS" \
    -out "$HERE/$1/crl.pem"
}

# --- Subjects (one place, because a party's TLS certificate must carry the same subject as its message one) -----
PS_SUBJECT="/C=GB/O=Police Scotland (example)/CN=police-scotland"
EUROPOL_SUBJECT="/C=NL/O=Europol (example)/CN=europol"

# The parties with a TLS certificate: <party> <issuing ca> <subject>.
TLS_PARTIES=(
  "police-scotland|uk-root-ca|$PS_SUBJECT"
  "europol|eu-root-ca|$EUROPOL_SUBJECT"
)

issue_tls_parties() {   # issue_tls_parties all|missing
  local entry party issuer subject
  for entry in "${TLS_PARTIES[@]}"; do
    IFS='|' read -r party issuer subject <<<"$entry"
    if [ "$1" = missing ] && [ -e "$HERE/$party/tls" ]; then
      continue
    fi
    [ -f "$HERE/$issuer/key.pem" ] || { echo "no CA key $issuer/key.pem: run a full generate.sh" >&2; exit 1; }
    [ -d "$WORK/db-$issuer" ] || init_ca_db "$issuer"
    issue_tls "$party" "$issuer" "$subject"
    printf '%-16s %s\n' "$party/tls" \
      "$(openssl x509 -in "$HERE/$party/tls/cert.pem" -noout -subject -enddate -nameopt RFC2253 | paste -sd ' ')"
  done
}

if [ "$MODE" = tls ]; then
  issue_tls_parties missing
  exit 0
fi

# --- The PKI ------------------------------------------------------------------------------------------------
for party in "${PARTIES[@]}"; do rm -rf "${HERE:?}/$party"; done

make_root uk-root-ca "/C=GB/O=UK Cross-Border Gateway PKI (example)/CN=uk-root-ca"
make_root eu-root-ca "/C=NL/O=EU Partner PKI (example)/CN=eu-root-ca"

issue gateway         uk-root-ca ec  "/C=GB/O=UK Cross-Border Gateway (example)/CN=gateway"
issue audit           uk-root-ca ec  "/C=GB/O=UK Cross-Border Gateway (example)/CN=gateway-audit" \
      "$PARTY_START" "$PARTY_END" ext_audit
issue police-scotland uk-root-ca ec  "$PS_SUBJECT"
issue nca             uk-root-ca ec  "/C=GB/O=National Crime Agency (example)/CN=nca"
issue europol         eu-root-ca ec  "$EUROPOL_SUBJECT"
issue spoc-ie         eu-root-ca rsa "/C=IE/O=Irish SPOC (example)/CN=spoc-ie"
issue expired         uk-root-ca ec  "/C=GB/O=Expired Test Party (example)/CN=expired" \
      "$EXPIRED_START" "$EXPIRED_END"
issue revoked         uk-root-ca ec  "/C=GB/O=Revoked Test Party (example)/CN=revoked"

ca uk-root-ca -cert "$HERE/uk-root-ca/cert.pem" -keyfile "$HERE/uk-root-ca/key.pem" \
  -revoke "$HERE/revoked/cert.pem" -crl_reason keyCompromise
crl uk-root-ca
crl eu-root-ca
issue_tls_parties all

# --- Summary ------------------------------------------------------------------------------------------------
for party in "${PARTIES[@]}"; do
  printf '%-16s %s\n' "$party" \
    "$(openssl x509 -in "$HERE/$party/cert.pem" -noout -subject -enddate -nameopt RFC2253 | paste -sd ' ')"
done
echo "revoked in uk-root-ca/crl.pem: $(openssl crl -in "$HERE/uk-root-ca/crl.pem" -noout -text | grep -c 'Serial Number')"
