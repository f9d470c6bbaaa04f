# Loads a generated size as a region of several municipalities, the way a region starts with Opora:
# each municipality made by `opora setup` (its programme made active), the region's administrator
# added, then the region's registry, context and results loaded at once with `opora import --region`.
# Sourced, not run. Needs BIN (the opora binary); the database is OPORA_DATABASE_URL's.
#
#     load_region DATA_DIR REGION_NAME ADMIN_LOGIN ADMIN_PASSWORD
load_region() {
  local data=$1 region=$2 login=$3 password=$4 name id
  "$BIN" migrate >/dev/null
  while IFS= read -r name; do
    [ -n "$name" ] || continue
    "$BIN" setup --region "$region" --municipality "$name" >/dev/null
    id=$("$BIN" programme list --municipality "$name" | awk 'NR == 1 { print $1 }')
    "$BIN" programme activate "$id" >/dev/null
  done < "$data/municipalities.txt"
  OPORA_PASSWORD="$password" "$BIN" user add --login "$login" --name "Смирнова Е. В. (бенчмарк)" --role admin --region "$region" >/dev/null
  "$BIN" import schools "$data/region-schools.csv" --region "$region" | head -1
  "$BIN" import context "$data/context.csv" --region "$region" | head -1
  local year
  for year in 2021 2022; do "$BIN" import results "$data/results-$year.csv" --region "$region" | head -1; done
}
