#!/usr/bin/env bash
# Package smoke test: proves the NuGet packages work the way a consumer meets them.
#   1. packs Diplomacy.Extraction, Diplomacy.Extraction.DependencyInjection and the Diplomacy.Extraction.Cli tool
#      (Release, ContinuousIntegrationBuild, a unique prerelease version) into a temporary local folder feed,
#      and checks the package contents (README, licence, project URL, XML docs, snupkg, Source Link, NOTICE resources);
#   2. copies samples/QuickStart and samples/DependencyInjection OUT of the repository, restores them with
#      -p:UsePackage=true against the folder feed (PackageReference, not ProjectReference) and runs them;
#   3. installs the CLI tool from the feed into a temporary tool path and runs `diplomacy-extract seeds`.
# Offline: the only package sources are the folder feed and the already-restored global packages folder.
# Usage: .ci/package-smoke.sh            (from anywhere; DOTNET="flock /tmp/dotnet.lock dotnet" to serialize dotnet)
#        KEEP_SMOKE_DIR=1 .ci/package-smoke.sh   keeps the temporary folder for inspection
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
read -r -a DOTNET <<< "${DOTNET:-dotnet}"
GLOBAL_PACKAGES=$("${DOTNET[@]}" nuget locals global-packages --list | sed 's/^global-packages: *//')
BASE_VERSION=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -1)
VERSION="${BASE_VERSION}-smoke.$(date +%Y%m%d%H%M%S)"
WORK=$(mktemp -d /tmp/diplomacy-smoke.XXXXXX)
FEED="$WORK/feed"
if [ "${KEEP_SMOKE_DIR:-0}" != "1" ]; then trap 'rm -rf "$WORK"' EXIT; fi
fail() { echo "package-smoke: FAIL: $*" >&2; exit 1; }
mkdir -p "$FEED" "$WORK/packages"

echo "== pack $VERSION into $FEED"
for project in src/Diplomacy.Extraction src/Diplomacy.Extraction.DependencyInjection src/Diplomacy.Extraction.Cli; do
  "${DOTNET[@]}" pack "$project" -c Release -o "$FEED" -p:Version="$VERSION" -p:ContinuousIntegrationBuild=true \
    -warnaserror -nologo -clp:NoSummary > "$WORK/pack.log" 2>&1 || { cat "$WORK/pack.log"; fail "dotnet pack $project"; }
  if grep -q -i ": warning " "$WORK/pack.log"; then grep -i ": warning " "$WORK/pack.log"; fail "warnings while packing $project"; fi
done
ls -l "$FEED"

echo "== check package contents"
LIB="$FEED/Diplomacy.Extraction.$VERSION.nupkg"
for f in "$LIB" "$FEED/Diplomacy.Extraction.$VERSION.snupkg" \
         "$FEED/Diplomacy.Extraction.DependencyInjection.$VERSION.nupkg" "$FEED/Diplomacy.Extraction.DependencyInjection.$VERSION.snupkg" \
         "$FEED/Diplomacy.Extraction.Cli.$VERSION.nupkg"; do
  [ -s "$f" ] || fail "missing $f"
done
mkdir -p "$WORK/lib" "$WORK/sym"
unzip -q -o "$LIB" -d "$WORK/lib"
unzip -q -o "$FEED/Diplomacy.Extraction.$VERSION.snupkg" -d "$WORK/sym"
NUSPEC="$WORK/lib/Diplomacy.Extraction.nuspec"
for needle in '<license type="expression">MIT</license>' '<readme>README.md</readme>' \
              '<projectUrl>https://github.com/diplomacy-extraction/diplomacy-extraction</projectUrl>' \
              '<repository type="git" url="https://github.com/diplomacy-extraction/diplomacy-extraction"'; do
  grep -q -F "$needle" "$NUSPEC" || fail "nuspec lacks $needle"
done
grep -q 'commit="[0-9a-f]\{40\}"' "$NUSPEC" || fail "nuspec has no repository commit"
[ -s "$WORK/lib/README.md" ] || fail "README.md not packed"
[ -s "$WORK/lib/lib/net10.0/Diplomacy.Extraction.xml" ] || fail "XML docs not packed"
[ -s "$WORK/sym/lib/net10.0/Diplomacy.Extraction.pdb" ] || fail "PDB not in the symbol package"
grep -a -q 'raw.githubusercontent.com/diplomacy-extraction/diplomacy-extraction/' "$WORK/sym/lib/net10.0/Diplomacy.Extraction.pdb" \
  || fail "PDB has no Source Link map"
grep -a -q '"/_/\*"' "$WORK/sym/lib/net10.0/Diplomacy.Extraction.pdb" || fail "PDB paths are not deterministic (/_/)"
DLL="$WORK/lib/lib/net10.0/Diplomacy.Extraction.dll"
( cd src/Diplomacy.Extraction && find Resources -type f \( -name '*.json' -o -name '*.txt' -o -name '*.bin' -o -name '*.md' \) ) | while read -r res; do
  name="Diplomacy.Extraction.$(echo "$res" | tr '/' '.')"
  grep -a -q -F "$name" "$DLL" || fail "resource $res is not embedded as $name"
done
echo "nuspec, README, XML docs, snupkg, Source Link and $(cd src/Diplomacy.Extraction && find Resources -type f ! -name '*.cs' | wc -l) embedded resources: ok"

echo "== consumer: samples restored against the folder feed"
CONSUMER="$WORK/consumer"
mkdir -p "$CONSUMER"
cat > "$WORK/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="smoke-feed" value="$FEED" />
    <add key="already-restored" value="$GLOBAL_PACKAGES" />
  </packageSources>
</configuration>
XML
# A consumer's own build settings (none of the repository's Directory.*.props reach /tmp).
cat > "$CONSUMER/Directory.Build.props" <<XML
<Project>
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <Version>$VERSION</Version>
    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
  </PropertyGroup>
</Project>
XML
sed -n '/Microsoft.Extensions.Hosting"/p' Directory.Packages.props > "$WORK/hosting.line"
cat > "$CONSUMER/Directory.Packages.props" <<XML
<Project>
  <ItemGroup>
$(cat "$WORK/hosting.line")
  </ItemGroup>
</Project>
XML
export NUGET_PACKAGES="$WORK/packages"   # never pollute the global cache with smoke versions
for sample in QuickStart DependencyInjection; do
  cp -r "samples/$sample" "$CONSUMER/$sample"
  rm -rf "$CONSUMER/$sample/bin" "$CONSUMER/$sample/obj"
  "${DOTNET[@]}" restore "$CONSUMER/$sample" -p:UsePackage=true --configfile "$WORK/nuget.config" > "$WORK/restore.log" 2>&1 \
    || { cat "$WORK/restore.log"; fail "restore of $sample against the feed"; }
  grep -q -F "\"Diplomacy.Extraction/$VERSION\"" "$CONSUMER/$sample/obj/project.assets.json" || fail "$sample did not resolve the package $VERSION"
  if grep -q '"type": "project"' "$CONSUMER/$sample/obj/project.assets.json"; then fail "$sample references a project, not the package"; fi
  "${DOTNET[@]}" run --project "$CONSUMER/$sample" --no-restore -p:UsePackage=true > "$WORK/$sample.out" 2>&1 \
    || { cat "$WORK/$sample.out"; fail "run of $sample"; }
  echo "--- $sample output:"; cat "$WORK/$sample.out"
done
grep -q '^event: ' "$WORK/QuickStart.out" || fail "QuickStart printed no event"
grep -q ': Meeting\|: Talks\|: Visit\|: Summit' "$WORK/DependencyInjection.out" || fail "DependencyInjection logged no event"

echo "== CLI tool from the feed"
"${DOTNET[@]}" tool install --tool-path "$WORK/tools" --add-source "$FEED" --configfile "$WORK/nuget.config" \
  Diplomacy.Extraction.Cli --version "$VERSION" > "$WORK/tool.log" 2>&1 || { cat "$WORK/tool.log"; fail "tool install"; }
"$WORK/tools/diplomacy-extract" seeds > "$WORK/seeds.jsonl" 2> "$WORK/seeds.err" || { cat "$WORK/seeds.err"; fail "diplomacy-extract seeds"; }
cat "$WORK/seeds.err"
EVENTS=$(grep -c '"kind": *"' "$WORK/seeds.jsonl" || true)
[ "$EVENTS" -gt 0 ] || fail "diplomacy-extract seeds printed no events"
echo "diplomacy-extract seeds: $EVENTS lines with an event kind"
echo "package-smoke: OK ($VERSION)"
