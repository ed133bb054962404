#!/usr/bin/env bash
# Rebuilds Lapor's region lists from the npm package idn-area-data: every province and kabupaten/kota with its
# Kemendagri code (contracts/Lapor.Contracts/Reference/regions.csv), every kecamatan (districts.csv beside it) and
# every desa/kelurahan (villages.csv.gz, gzipped without a timestamp so a rebuild of the same version is identical). Reproducible: the package version is pinned here and
# written into the file. Code MIT, data ODbL 1.0 (attribution in contracts/Lapor.Contracts/Reference/NOTICE.md).
# Usage: bash deploy/reference/regions.sh   (needs npm and the registry)
set -euo pipefail
cd "$(dirname "$0")/../.."

version="4.0.1"
out="contracts/Lapor.Contracts/Reference/regions.csv"
districts="contracts/Lapor.Contracts/Reference/districts.csv"
villages="contracts/Lapor.Contracts/Reference/villages.csv.gz"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "idn-area-data@$version" >/dev/null && tar xzf "idn-area-data-$version.tgz")
data="$work/package/data"

{
  echo "# idn-area-data $version (npm), data under the Open Database License 1.0; see NOTICE.md"
  echo "code,name,level,parent"
  # provinces.csv: code,name — Lapor names a province "Provinsi <name>".
  tail -n +2 "$data/provinces.csv" | tr -d '\r' | awk -F, '{ print $1 ",Provinsi " $2 ",provinsi," }'
  # regencies.csv: code,province_code,name — a kota's name starts with "Kota", a kabupaten's with "Kabupaten".
  tail -n +2 "$data/regencies.csv" | tr -d '\r' | awk -F, '{ level = ($3 ~ /^Kota /) ? "kota" : "kabupaten"; print $1 "," $3 "," level "," $2 }'
} > "$out"

{
  echo "# idn-area-data $version (npm), data under the Open Database License 1.0; see NOTICE.md"
  echo "code,name,parent"
  # districts.csv: code,regency_code,name — kept as the package names them (Papua's are distrik, the rest kecamatan).
  tail -n +2 "$data/districts.csv" | tr -d '\r"' | awk -F, '{ print $1 "," $3 "," $2 }'
} > "$districts"

echo "$(grep -c '' "$districts") lines of kecamatan written to $districts"

{
  echo "# idn-area-data $version (npm), data under the Open Database License 1.0; see NOTICE.md"
  echo "code,name,parent"
  # villages.csv: code,district_code,name
  tail -n +2 "$data/villages.csv" | tr -d '\r"' | awk -F, '{ print $1 "," $3 "," $2 }'
} | gzip -n -9 > "$villages"

echo "$(gzip -dc "$villages" | grep -c '') lines of desa/kelurahan written to $villages"
echo "$(grep -c ',provinsi,' "$out") provinces and $(grep -cE ',(kabupaten|kota),' "$out") kabupaten/kota written to $out"
