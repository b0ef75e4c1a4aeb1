#!/usr/bin/env python3
"""Write docs/functions.md: every template function chartunit provides, with its golden cases.

    python3 scripts/gen-functions-doc.py          # writes docs/functions.md
    python3 scripts/gen-functions-doc.py --check  # writes nothing; exit 1 if the file is out of date

No oracle and no Swift build are needed. The script

1. reads the function names from the Swift sources: the keys of Go's builtin table
   (Sources/GoTemplate/Builtins.swift), of every `[String: TemplateFunction]` table under
   Sources/Sprig (`coreFunctions`, `textFunctions(semver:)`, `cryptoFunctions` and their parts,
   aliases such as `table["tuple"] = table["list"]` and the `must…` loop included) and of
   Helm's own map (Sources/Helm/Engine/HelmFunctions.swift, noting what is registered only for Helm 4);
2. counts the golden cases recorded from real Helm for each function under Tests/Fixtures;
3. writes one table per family with the hand-written one-line descriptions below.

It exits 1, naming the function, when a registered function has no description, when a
description names a function that is neither registered nor listed as absent, or when a
registered function has no golden case and is not in UNTESTED (and when an UNTESTED function
has gained cases, so that list only shrinks). Nothing in docs/functions.md is edited by hand.
"""
import glob
import json
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
OUT = os.path.join(ROOT, 'docs', 'functions.md')
FIX = 'Tests/Fixtures'

# ---------------------------------------------------------------------------------------------
# Descriptions, by family (order = order in the document). Write what the function does in
# Go/Sprig/Helm, plus the trap worth one phrase.
# ---------------------------------------------------------------------------------------------

BUILTINS = {
    'and': 'Returns the first falsy argument, or the last one; stops evaluating at the first falsy argument.',
    'or': 'Returns the first truthy argument, or the last one; stops evaluating at the first truthy argument.',
    'not': 'Boolean negation of the truthiness of its single argument.',
    'len': 'Length of a string (in **bytes**), list or map; an error for nil and numbers.',
    'index': '`index x k1 k2…`: map lookup or list/string index; a missing map key gives the zero value, an out-of-range index is an error.',
    'slice': "Go's `x[i:j:k]`. Never reached in Helm: Helm's function map replaces it with Sprig's `slice` (see the Sprig lists table).",
    'eq': '`eq a b c…`: true if `a` equals any of the others. Comparing int and float64 is an **error**, not false (YAML numbers are float64).',
    'ne': '`a != b`, with the same type rules as `eq`.',
    'lt': '`a < b` for numbers or strings of the same kind (int vs float64 is an error).',
    'le': '`a <= b`, same rules as `lt`.',
    'gt': '`a > b`, same rules as `lt`.',
    'ge': '`a >= b`, same rules as `lt`.',
    'print': "`fmt.Sprint`: spaces only between operands when neither is a string.",
    'printf': '`fmt.Sprintf` with Go verbs (`%v %d %s %q %T %x %5.2f`…); float64 values print as `1e+06` with `%v`.',
    'println': '`fmt.Sprintln`: operands separated by spaces, plus a trailing newline.',
    'html': 'HTML-escapes the `fmt.Sprint` of its arguments (`<` → `&lt;`, `\'` → `&#39;`…).',
    'js': 'JavaScript-escapes the `fmt.Sprint` of its arguments (`<` → `\\u003C`, quotes backslashed).',
    'urlquery': 'Query-escapes the `fmt.Sprint` of its arguments (`url.QueryEscape`: space → `+`).',
    'call': 'Calls a function value with arguments; chart data holds no function values, so in Helm it only ever fails.',
}

SPRIG_STRINGS = {
    'trim': 'Removes leading and trailing whitespace.',
    'trimAll': '`trimAll CUTSET s`: removes the characters of CUTSET from both ends (cutset first).',
    'trimall': 'Old spelling of `trimAll`.',
    'trimPrefix': '`trimPrefix PREFIX s`: removes one leading PREFIX.',
    'trimSuffix': '`trimSuffix SUFFIX s`: removes one trailing SUFFIX.',
    'upper': 'Upper-cases the string.',
    'lower': 'Lower-cases the string.',
    'title': 'Go\'s deprecated `strings.Title`: upper-cases the letter after **any** non-letter (`o\'neil` → `O\'Neil`), leaves other letters alone.',
    'untitle': 'Lower-cases the first letter of every word.',
    'repeat': '`repeat N s`: s repeated N times.',
    'substr': '`substr START END s`: the bytes `s[START:END]`; a negative START means 0, a negative or too large END means the end; START > END is an error.',
    'trunc': '`trunc N s`: first N **bytes**; a negative N keeps the last -N bytes.',
    'nospace': 'Removes all whitespace.',
    'abbrev': '`abbrev WIDTH s`: truncates to WIDTH with `...`; WIDTH < 4 returns s unchanged.',
    'abbrevboth': '`abbrevboth LEFT WIDTH s`: abbreviates on both sides (`...5678...`).',
    'initials': 'First letter of every word (`John Smith` → `JS`).',
    'swapcase': 'Swaps the case of every letter (xstrings `SwapCase`).',
    'shuffle': 'The characters of the string in random order.',
    'camelcase': 'To PascalCase (`hello_world` → `HelloWorld`, `HTTPServer` → `Httpserver`).',
    'snakecase': 'To snake_case (`HTTPServerID` → `http_server_id`).',
    'kebabcase': 'To kebab-case (`HelloWorld` → `hello-world`).',
    'wrap': '`wrap N s`: wraps at N columns on spaces; long words stay whole.',
    'wrapWith': '`wrapWith N SEP s`: wraps at N columns with SEP as line break; long words are cut.',
    'contains': '`contains SUB s`: whether s contains SUB (argument order: needle first).',
    'hasPrefix': '`hasPrefix P s`: whether s starts with P.',
    'hasSuffix': '`hasSuffix S s`: whether s ends with S.',
    'quote': 'Each non-nil argument `%v`-formatted and Go-quoted (`%q`), joined by spaces; `quote nil` is empty.',
    'squote': 'Each non-nil argument wrapped in single quotes, **no** escaping, joined by spaces.',
    'cat': 'The non-nil arguments `%v`-formatted and joined by spaces.',
    'indent': '`indent N s`: N spaces before every line, including the empty line after a trailing `\\n`.',
    'nindent': 'A newline followed by `indent N s`.',
    'replace': '`replace OLD NEW s`: replaces every occurrence.',
    'plural': '`plural ONE MANY n`: ONE when n is 1, else MANY.',
    'split': '`split SEP s`: a **map** `_0`, `_1`… of the parts (`(split "," s)._1`).',
    'splitn': '`splitn SEP N s`: like `split` but at most N parts; the last keeps the rest.',
    'splitList': '`splitList SEP s`: a list of the parts; an empty SEP splits into characters.',
    'join': '`join SEP list`: the elements `%v`-formatted and joined; nil elements are dropped, a non-list is a one-element list.',
    'sortAlpha': 'The elements as strings, sorted bytewise (`[10 2 A a b]`).',
}

SPRIG_LISTS = {
    'list': 'A new list of its arguments.',
    'tuple': 'Alias of `list`.',
    'first': 'First element; nil for an empty list.',
    'mustFirst': 'Error-returning `first` (Sprig); the same behaviour in a template.',
    'last': 'Last element; nil for an empty list.',
    'mustLast': 'Error-returning `last` (Sprig); the same behaviour in a template.',
    'rest': 'All but the first element.',
    'mustRest': 'Error-returning `rest` (Sprig); the same behaviour in a template.',
    'initial': 'All but the last element.',
    'mustInitial': 'Error-returning `initial` (Sprig); the same behaviour in a template.',
    'push': '`push LIST x`: a new list with x appended.',
    'append': 'Alias of `push`.',
    'mustPush': 'Error-returning `push` (Sprig); the same behaviour in a template.',
    'mustAppend': 'Error-returning `append` (Sprig); the same behaviour in a template.',
    'prepend': '`prepend LIST x`: a new list with x in front.',
    'mustPrepend': 'Error-returning `prepend` (Sprig); the same behaviour in a template.',
    'concat': 'Concatenates lists (flattens one level).',
    'reverse': 'A reversed copy.',
    'mustReverse': 'Error-returning `reverse` (Sprig); the same behaviour in a template.',
    'uniq': 'Removes duplicates with Go equality (float64 `1` and int `1` differ).',
    'mustUniq': 'Error-returning `uniq` (Sprig); the same behaviour in a template.',
    'without': '`without LIST x…`: the list minus the given values (type-exact comparison).',
    'mustWithout': 'Error-returning `without` (Sprig); the same behaviour in a template.',
    'has': '`has x LIST`: whether LIST contains x (type-exact: `has 1` is false on YAML numbers).',
    'mustHas': 'Error-returning `has` (Sprig); the same behaviour in a template.',
    'compact': 'Removes empty elements (`0`, `""`, nil, `false`, empty collections).',
    'mustCompact': 'Error-returning `compact` (Sprig); the same behaviour in a template.',
    'slice': "Sprig's `slice LIST [START [END]]` (replaces Go's builtin in Helm): lists only, a string is an error.",
    'mustSlice': 'Error-returning `slice` (Sprig); the same behaviour in a template.',
    'chunk': '`chunk N LIST`: a list of lists of N elements (the last may be shorter).',
    'mustChunk': 'Error-returning `chunk` (Sprig); the same behaviour in a template.',
    'until': '`until N`: the list `[0 … N-1]` (counts down for negative N).',
    'untilStep': '`untilStep START STOP STEP`: the list of START, START+STEP… before STOP.',
    'seq': 'Like the Unix `seq` (`seq 3`, `seq 5 2`, `seq 0 2 10`) but returns a **string** (`"1 2 3"`).',
}

SPRIG_DICTS = {
    'dict': '`dict k1 v1 k2 v2…`: a new map; keys are stringified, a missing last value is `""`.',
    'get': '`get MAP KEY`: the value, or `""` when absent.',
    'set': '`set MAP KEY VALUE`: **mutates** and returns the map.',
    'unset': '`unset MAP KEY`: **mutates** and returns the map.',
    'hasKey': '`hasKey MAP KEY`: whether the key is present.',
    'pluck': '`pluck KEY m1 m2…`: the list of KEY\'s values in the maps that have it.',
    'dig': '`dig K1 K2… DEFAULT MAP`: nested lookup with a default (the map comes **last**); a non-map on the way is an error.',
    'keys': 'The keys of one or more maps, in **random order** (pipe to `sortAlpha`).',
    'values': 'The values of a map, in random order.',
    'pick': '`pick MAP k…`: a new map with only those keys.',
    'omit': '`omit MAP k…`: a new map without those keys.',
    'merge': '`merge DST SRC…`: deep merge into DST, DST\'s keys win; **mutates** DST.',
    'mustMerge': 'Error-returning `merge`.',
    'mergeOverwrite': '`mergeOverwrite DST SRC…`: deep merge, later sources win even with empty values; **mutates** DST.',
    'mustMergeOverwrite': 'Error-returning `mergeOverwrite`.',
    'deepCopy': 'A deep copy of a value (maps and lists copied all the way down).',
    'mustDeepCopy': 'Error-returning `deepCopy`.',
}

SPRIG_MATH = {
    'add': 'Sum of its arguments as int64 (floats are **truncated**: `add 1 2.9` → 3).',
    'add1': 'x + 1 as int64.',
    'sub': 'a - b as int64.',
    'mul': 'Product of its arguments as int64.',
    'div': 'a / b as int64 (integer division; dividing by 0 is an error).',
    'mod': 'a % b as int64.',
    'max': 'Largest of its arguments as int64.',
    'biggest': 'Alias of `max`.',
    'min': 'Smallest of its arguments as int64.',
    'addf': 'Sum as float64, computed with shopspring/decimal (`addf 1.1 2.2` → 3.3).',
    'add1f': 'x + 1 as float64 (decimal arithmetic).',
    'subf': 'Difference as float64 (decimal arithmetic).',
    'mulf': 'Product as float64 (decimal arithmetic).',
    'divf': 'Quotient as float64 (decimal arithmetic).',
    'maxf': 'Largest argument as float64.',
    'minf': 'Smallest argument as float64.',
    'ceil': 'Ceiling, as float64.',
    'floor': 'Floor, as float64.',
    'round': '`round x DIGITS [.5]`: rounds half away from zero to DIGITS places, as float64.',
    'randInt': '`randInt MIN MAX`: a random int in [MIN, MAX).',
}

SPRIG_DEFAULTS = {
    'default': '`default D x`: D when x is empty (nil, `""`, 0, false, empty list/map); `x | default D`.',
    'empty': 'Whether the value is empty (nil, `""`, 0, false, empty list/map; `" "` is not empty).',
    'coalesce': 'The first non-empty argument, or nil.',
    'all': 'True when every argument is non-empty.',
    'any': 'True when at least one argument is non-empty.',
    'ternary': '`ternary T F COND`: T if COND else F; the bool condition comes **last**.',
}

SPRIG_CONVERSION = {
    'atoi': '`strconv.Atoi`: string to int, 0 on any error (`atoi "12.5"` → 0).',
    'int': 'To int via spf13/cast: `"010"` is octal 8, `"12.7"` is 0, 12.7 truncates to 12.',
    'int64': 'To int64 via spf13/cast (same rules as `int`; `"0x10"` → 16).',
    'float64': 'To float64 via spf13/cast; 0 when the string does not parse.',
    'toString': '`%v` of the value as a string; nil gives `<nil>`.',
    'toStrings': 'A list of the elements as strings (nil elements dropped).',
    'toDecimal': 'Reads a string as a Unix octal permission (`"0777"` → 511) as int64.',
    'typeOf': "The Go type name (`float64`, `[]interface {}`, `map[string]interface {}`, `[]string` from `splitList`, `common.Values` for `.Values` (Helm 3: `chartutil.Values`), `<nil>`).",
    'typeIs': '`typeIs TYPE x`: whether `typeOf x` is TYPE.',
    'typeIsLike': '`typeIsLike TYPE x`: like `typeIs` but also matches the pointer type.',
    'kindOf': 'The Go kind (`int`, `float64`, `slice`, `map`, `string`…).',
    'kindIs': '`kindIs KIND x`: whether `kindOf x` is KIND.',
    'deepEqual': '`reflect.DeepEqual` (type-exact: int 1 and float64 1 differ).',
}

SPRIG_ENCODING = {
    'b64enc': 'Base64 (standard, padded) of a string.',
    'b64dec': 'Decodes base64; invalid input returns the **error text** as the value instead of failing.',
    'b32enc': 'Base32 (standard, padded) of a string.',
    'b32dec': 'Decodes base32; invalid input returns the error text as the value.',
    'toPrettyJson': 'JSON with two-space indentation (HTML characters escaped); `""` on error.',
    'mustToPrettyJson': 'Error-returning `toPrettyJson`.',
    'toRawJson': 'JSON without HTML escaping (`<` stays `<`); `""` on error.',
    'mustToRawJson': 'Error-returning `toRawJson`.',
    'mustFromJson': "Sprig's JSON decoder into `interface{}`: an error for invalid JSON (Helm's `fromJson` returns an `Error` map instead).",
}

SPRIG_REGEX = {
    'regexMatch': '`regexMatch RE s`: whether RE (Go RE2 syntax) matches; an invalid RE gives false.',
    'mustRegexMatch': 'Like `regexMatch`, but an invalid RE is an error.',
    'regexFind': '`regexFind RE s`: the first match, or `""`.',
    'mustRegexFind': 'Like `regexFind`; an invalid RE is a returned error, not a panic.',
    'regexFindAll': '`regexFindAll RE s N`: up to N matches (-1 for all), as a list.',
    'mustRegexFindAll': 'Like `regexFindAll`; an invalid RE is a returned error.',
    'regexReplaceAll': '`regexReplaceAll RE s REPL`: replaces with `$1` expansion; `$1W` means the group named `1W`, write `${1}W`.',
    'mustRegexReplaceAll': 'Like `regexReplaceAll`; an invalid RE is a returned error.',
    'regexReplaceAllLiteral': '`regexReplaceAllLiteral RE s REPL`: replaces without `$` expansion.',
    'mustRegexReplaceAllLiteral': 'Like `regexReplaceAllLiteral`; an invalid RE is a returned error.',
    'regexSplit': '`regexSplit RE s N`: splits around matches, at most N parts (-1 for all).',
    'mustRegexSplit': 'Like `regexSplit`; an invalid RE is a returned error.',
    'regexQuoteMeta': 'Escapes the regular-expression metacharacters of a string.',
}

SPRIG_DATES = {
    'now': 'The current time (`time.Time`); never stable across renders.',
    'date': '`date LAYOUT t`: formats a time, or epoch seconds (int/int64), with a Go layout (`2006-01-02`) in the local zone.',
    'dateInZone': '`dateInZone LAYOUT t ZONE`: `date` in the named IANA zone.',
    'date_in_zone': 'Old spelling of `dateInZone`.',
    'htmlDate': 'The date as `2006-01-02`.',
    'htmlDateInZone': '`htmlDateInZone t ZONE`: `htmlDate` in the named zone.',
    'dateModify': '`dateModify "-1.5h" t`: t plus a Go duration; an unparsable duration returns t unchanged.',
    'date_modify': 'Old spelling of `dateModify`.',
    'must_date_modify': 'Old spelling of `mustDateModify`.',
    'hello': 'Returns `Hello!` (Sprig\'s smoke-test function).',
    'mustDateModify': 'Like `dateModify`, but an invalid duration is an error.',
    'toDate': '`toDate LAYOUT s`: parses in the local zone; a bad date gives the zero time, not an error.',
    'mustToDate': 'Like `toDate`, but a bad date is an error.',
    'unixEpoch': 'Seconds since the Unix epoch of a time, as a string.',
    'ago': 'Time elapsed since t, rounded to seconds, as a Go duration string.',
    'duration': 'Seconds (an int64 or a numeric string) as a Go duration string; a template int literal gives `0s` (`duration 95` → `0s`, `duration "95"` → `1m35s`).',
    'durationRound': 'A duration (string, int64 nanoseconds or time) rounded to its largest unit (`2h10m5s` → `2h`, years `y`, months `mo`).',
}

SPRIG_SEMVER = {
    'semver': 'Parses a version (Masterminds/semver; `v1.2` is coerced) into an object with `.Major`, `.Minor`, `.Prerelease`…; invalid is an error.',
    'semverCompare': '`semverCompare CONSTRAINT VERSION`: whether the version satisfies the constraint; prereleases only match constraints with a prerelease (`>=1.20-0`).',
}

SPRIG_PATHS = {
    'base': 'Last element of a slash-separated path (`path.Base`).',
    'dir': 'All but the last element of the path (`path.Dir`).',
    'clean': 'Shortest equivalent path (`path.Clean`).',
    'ext': 'The extension, with its dot (`path.Ext`).',
    'isAbs': 'Whether the path starts with `/`.',
    'osBase': '`filepath.Base`; the same as `base` on Linux.',
    'osDir': '`filepath.Dir`; the same as `dir` on Linux.',
    'osClean': '`filepath.Clean`; the same as `clean` on Linux.',
    'osExt': '`filepath.Ext`; the same as `ext` on Linux.',
    'osIsAbs': '`filepath.IsAbs`; the same as `isAbs` on Linux.',
    'urlParse': 'Parses a URL into a map with `scheme`, `host`, `hostname`, `path`, `query`, `opaque`, `fragment`, `userinfo`.',
    'urlJoin': 'Builds a URL string from such a map (every present key must be a string).',
}

SPRIG_CRYPTO = {
    'sha1sum': 'SHA-1 of a string, lowercase hex.',
    'sha256sum': 'SHA-256 of a string, lowercase hex.',
    'sha512sum': 'SHA-512 of a string, lowercase hex.',
    'adler32sum': 'Adler-32 checksum of a string, in decimal.',
    'bcrypt': 'bcrypt hash (`$2a$`, cost 10) of a string; salted, so different every render.',
    'htpasswd': '`htpasswd USER PASS`: an htpasswd line `user:$2a$…` (bcrypt); a `:` in USER gives an error text.',
    'derivePassword': '`derivePassword COUNTER TYPE PASSWORD USER SITE`: deterministic Master Password algorithm (`long`, `maximum`, `pin`…).',
    'encryptAES': '`encryptAES KEY s`: AES-256-CBC with a random IV, base64; differs every render.',
    'decryptAES': '`decryptAES KEY s`: reverses `encryptAES`.',
    'randAlphaNum': 'N random letters and digits.',
    'randAlpha': 'N random letters.',
    'randNumeric': 'N random digits.',
    'randAscii': 'N random printable ASCII characters.',
    'randBytes': 'N random bytes, base64-encoded.',
    'uuidv4': 'A random version-4 UUID.',
    'genPrivateKey': '`genPrivateKey TYPE`: a PEM private key (`rsa`, `ecdsa`, `ed25519`); an unknown type gives an error text.',
    'genCA': '`genCA CN DAYS`: a self-signed CA certificate object with `.Cert` and `.Key` (PEM).',
    'genCAWithKey': '`genCAWithKey CN DAYS KEY`: `genCA` with a given PEM key.',
    'genSelfSignedCert': '`genSelfSignedCert CN IPS DNS DAYS`: a self-signed certificate object.',
    'genSelfSignedCertWithKey': '`genSelfSignedCert` with a given PEM key.',
    'genSignedCert': '`genSignedCert CN IPS DNS DAYS CA`: a certificate signed by a `genCA` object.',
    'genSignedCertWithKey': '`genSignedCert` with a given PEM key.',
    'buildCustomCert': '`buildCustomCert CERT KEY`: a certificate object from base64-encoded PEM certificate and key.',
}

HELM = {
    'toYaml': 'YAML via JSON then go-yaml v2: unindented lists, natural key sort, folding at 80 columns, last newline trimmed; `""` on error.',
    'mustToYaml': 'Like `toYaml` but a marshalling error is an error.',
    'toYamlPretty': 'YAML via go-yaml v3 with 2-space indent: indented lists, no folding, floats like `1e+06`.',
    'fromYaml': 'Parses YAML (1.1 rules, as values) into a map; on error returns `{"Error": "…"}` instead of failing.',
    'fromYamlArray': 'Parses a YAML list; on error returns `["<error text>"]`.',
    'toJson': '`encoding/json`: compact, keys sorted, HTML characters escaped (`\\u003c`); `""` on error. Replaces Sprig\'s.',
    'mustToJson': 'Like `toJson` but a marshalling error is an error (Helm 4 registers its own; under Helm 3 it is Sprig\'s).',
    'fromJson': 'Parses a JSON object into a map; on error returns `{"Error": "…"}`. Replaces Sprig\'s.',
    'fromJsonArray': 'Parses a JSON array; on error returns `["<error text>"]`.',
    'toToml': 'TOML (BurntSushi/toml): keeps the trailing newline, floats as `1.0`; the error text on failure.',
    'mustToToml': 'Like `toToml` but an encoding error is an error.',
    'fromToml': 'Parses TOML into a map (integers int64); on error returns `{"Error": "…"}`.',
    'include': '`include NAME DATA`: runs a named template and returns its text, so it can be piped (recursion limit 1000 per name).',
    'tpl': '`tpl TEXT DATA`: renders a string as a template that sees every `define` of the chart.',
    'required': '`required MSG x`: x, or fails with MSG when x is nil or `""`.',
    'fail': '`fail MSG`: always fails with MSG. Replaces Sprig\'s.',
    'lookup': "`lookup API KIND NS NAME`: with `kubernetesProvider` objects, answers as helm-unittest's client-go fake client does: `scheme[API/KIND]` names the resource (none: the empty one) and whether NS counts; objects live under the resource guessed from their kind (`Secret` → `secrets`), their own namespace and name; a name gives one object or an empty map, no name a `<Kind>List` (an error for a resource no object's kind registered); objects client-go refuses (no kind, duplicates, integers…) fail every call. No objects: an empty map (no cluster).",
    'getHostByName': 'DNS is disabled: always `""`. Replaces Sprig\'s.',
}

FAMILIES = [
    # (anchor, title, intro, descriptions, source set)
    ('go-builtins', 'Go text/template builtins', 'Go\'s own functions (`text/template/funcs.go`), in Sources/GoTemplate/Builtins.swift.', BUILTINS, 'builtins'),
    ('sprig-strings', 'Sprig: strings', None, SPRIG_STRINGS, 'sprig'),
    ('sprig-lists', 'Sprig: lists', 'The `must…` variants return an error where Sprig\'s plain ones panic; Go turns both into `error calling …`, so chartunit registers the same function under both names.', SPRIG_LISTS, 'sprig'),
    ('sprig-dicts', 'Sprig: dicts', None, SPRIG_DICTS, 'sprig'),
    ('sprig-math', 'Sprig: math', None, SPRIG_MATH, 'sprig'),
    ('sprig-defaults', 'Sprig: defaults and flow control', '`fail` is Helm\'s (see below).', SPRIG_DEFAULTS, 'sprig'),
    ('sprig-conversion', 'Sprig: conversion and type reflection', None, SPRIG_CONVERSION, 'sprig'),
    ('sprig-encoding', 'Sprig: encoding', '`toJson`, `fromJson` and `mustToJson` are Helm\'s (see below).', SPRIG_ENCODING, 'sprig'),
    ('sprig-regex', 'Sprig: regular expressions', 'Go RE2 syntax. The plain functions panic on an invalid expression (`regexp.MustCompile`), the `must…` ones return the error; the texts differ.', SPRIG_REGEX, 'sprig'),
    ('sprig-dates', 'Sprig: dates and durations', 'Dates depend on the process time zone (`time.Local`).', SPRIG_DATES, 'sprig'),
    ('sprig-semver', 'Sprig: semver', 'Masterminds/semver v3.5 under Helm 4, v3.4 under Helm 3 (helm-unittest); only error texts differ.', SPRIG_SEMVER, 'sprig'),
    ('sprig-paths', 'Sprig: paths and URLs', None, SPRIG_PATHS, 'sprig'),
    ('sprig-crypto', 'Sprig: hashes, crypto and random', 'Random and key-generating functions give new values on every render; tests assert on their shape (`matchRegex`, `lengthEqual`).', SPRIG_CRYPTO, 'sprig'),
    ('helm', "Helm's own functions", 'Sources/Helm/Engine/HelmFunctions.swift (Helm\'s `pkg/engine/funcs.go` and the per-render `include`, `tpl`, `required`, `fail`, `lookup`). Where Sprig has a function of the same name, Helm\'s wins.', HELM, 'helm'),
]

# Registered, but no golden case recorded from real Helm yet: name -> why / what covers it.
UNTESTED: dict[str, str] = {}

# Functions chartunit deliberately does not provide. name -> reason.
ABSENT = {
    'env': 'Sprig registers it; Helm deletes it from the function map (templates must not read the environment).',
    'expandenv': 'Sprig registers it; Helm deletes it from the function map.',
    'mustToDuration': 'Named in our issue tracker among "Helm v4\'s duration helpers", but not defined by Helm v4.2.3 (Sprig v3.3.0): real Helm answers `function "mustToDuration" not defined`, and so does chartunit.',
    'durationSeconds': 'As `mustToDuration`: `function "durationSeconds" not defined` in Helm v4.2.3.',
    'durationMinutes': 'As `mustToDuration`: not defined in Helm v4.2.3.',
    'durationRoundTo': 'As `mustToDuration`: not defined in Helm v4.2.3.',
    'durationTruncateTo': 'As `mustToDuration`: not defined in Helm v4.2.3.',
}

# Functions real Helm has that chartunit does not register yet. name -> description.
MISSING: dict[str, str] = {}

KNOWN_GAPS: list[str] = []

# ---------------------------------------------------------------------------------------------
# Reading the Swift sources
# ---------------------------------------------------------------------------------------------

SOURCES = {
    'builtins': ['Sources/GoTemplate/Builtins.swift'],
    'sprig': sorted('Sources/Sprig/' + f for f in os.listdir(os.path.join(ROOT, 'Sources/Sprig')) if f.endswith('.swift')),
    'helm': ['Sources/Helm/Engine/HelmFunctions.swift'],
}


class SourceError(Exception):
    pass


def tokenize(text):
    """Swift tokens as (kind, text, line): 's' string literal (interpolations become NUL),
    'i' identifier, 'p' punctuation. Comments are dropped."""
    toks = []
    i, n, line = 0, len(text), 1
    while i < n:
        c = text[i]
        if c == '\n':
            line += 1
            i += 1
            continue
        if c.isspace():
            i += 1
            continue
        if text.startswith('//', i):
            j = text.find('\n', i)
            i = n if j < 0 else j
            continue
        if text.startswith('/*', i):
            j = text.find('*/', i + 2)
            line += text.count('\n', i, j)
            i = j + 2
            continue
        m = re.compile(r'(#*)("""|")').match(text, i) if c in '"#' else None
        if m:
            hashes = m.group(1)
            close = m.group(2) + hashes
            start = i
            i = m.end()
            val = []
            while i < n:
                if text.startswith(close, i):
                    i += len(close)
                    break
                if text.startswith('\\' + hashes, i):
                    k = i + 1 + len(hashes)
                    if k < n and text[k] == '(':  # interpolation: skip to the balancing ')'
                        depth, k = 1, k + 1
                        while k < n and depth:
                            if text[k] == '"':
                                k += 1
                                while k < n and text[k] != '"':
                                    k += 2 if text[k] == '\\' else 1
                            elif text[k] == '(':
                                depth += 1
                            elif text[k] == ')':
                                depth -= 1
                            k += 1
                        val.append('\x00')
                        i = k
                        continue
                    if not hashes:
                        val.append(text[i:i + 2])
                        i += 2
                        continue
                val.append(text[i])
                i += 1
            toks.append(('s', ''.join(val), line))
            line += text.count('\n', start, i)
            continue
        m = re.compile(r'[A-Za-z_][A-Za-z_0-9]*').match(text, i)
        if m:
            toks.append(('i', m.group(0), line))
            i = m.end()
            continue
        toks.append(('p', c, line))
        i += 1
    toks += [('p', '', line)] * 40  # lookahead padding
    return toks


def registrations(path):
    """[(name, path, line, alias_of, helm4_only)] for every key of every `[String: TemplateFunction]`
    table in the file: a function body `-> [String: TemplateFunction] { … }` or a literal
    `: [String: TemplateFunction] = [ … ]`."""
    toks = tokenize(open(os.path.join(ROOT, path), encoding='utf-8').read())
    out = []
    k = 0
    while k < len(toks):
        sig = [t[1] for t in toks[k:k + 8]]
        if sig[:5] == ['[', 'String', ':', 'TemplateFunction', ']']:
            if sig[5] == '{':
                k = scan_region(toks, k + 5, path, out)
                continue
            if sig[5] == '=' and sig[6] == '[' and sig[7] != ':':
                k = scan_region(toks, k + 6, path, out)
                continue
        k += 1
    return out


def scan_region(toks, start, path, out):
    key_depth = ['{', '['] if toks[start][1] == '{' else ['[']
    stack = []  # (bracket, label)
    first_key_for_value = {}
    k = start
    while True:
        kind, text, line = toks[k]
        brackets = [b for b, _ in stack]
        if kind == 'p' and text and text in '([{':
            label = None
            if text == '{' and re.search(r'\bif version = = \. v4$', ' '.join(t[1] for t in toks[max(0, k - 6):k])):
                label = 'v4'
            stack.append((text, label))
        elif kind == 'p' and text and text in ')]}':
            stack.pop()
            if not stack:
                return k + 1
        elif kind == 's' and toks[k + 1][1] == ':' and toks[k + 2][1] != ':' and brackets == key_depth:
            # `"name": value` in the table literal
            alias = None
            if toks[k + 2][0] == 'i' and toks[k + 3][1] in (',', ']'):  # `"osIsAbs": isAbs`
                alias = first_key_for_value.setdefault(toks[k + 2][1], text)
                alias = None if alias == text else alias
            out.append((text, path, line, alias, any(l == 'v4' for _, l in stack)))
        elif kind == 'i' and toks[k + 1][1] == '[' and toks[k + 2][0] == 's' and brackets[:1] == ['{'] \
                and toks[k - 1][1] not in ('.', '?') and toks[k + 2][1] and (toks[k + 3][1] == '+' or (
                    toks[k + 3][1] == ']' and toks[k + 4][1] == '=' and toks[k + 5][1] != '=')):
            if toks[k + 3][1] == ']':
                # `table["tuple"] = table["list"]`, `f["mustToYaml"] = TemplateFunction(…)`
                alias = None
                if toks[k + 5][1] == text and toks[k + 6][1] == '[' and toks[k + 7][0] == 's' and toks[k + 8][1] == ']':
                    alias = toks[k + 7][1]
                if toks[k + 5][1] != 'nil':
                    out.append((toks[k + 2][1], path, line, alias, any(l == 'v4' for _, l in stack)))
            else:
                # `for name in [...] { table["must" + name.prefix(1).uppercased() + name.dropFirst()] = table[name] }`
                seg = ' '.join(t[1] for t in toks[k:k + 30])
                m = re.match(r'(\w+) \[ (\w+) \+ (\w+) \. prefix \( 1 \) \. uppercased \( \) \+ \3 \. dropFirst \( \) \] = \1 \[ \3 \]', seg)
                if not m:
                    raise SourceError(f'{path}:{line}: cannot read this registration: {seg}')
                var = m.group(3)
                j = k
                while not (toks[j][1] == 'for' and toks[j + 1][1] == var and toks[j + 2][1] == 'in' and toks[j + 3][1] == '['):
                    j -= 1
                    if j <= start:
                        raise SourceError(f'{path}:{line}: the loop over `{var}` was not found')
                j += 4
                while toks[j][1] != ']':
                    if toks[j][0] == 's':
                        base = toks[j][1]
                        out.append((m.group(2) + base[:1].upper() + base[1:], path, line, base, False))
                    j += 1
        k += 1


def registered():
    """{'builtins'|'sprig'|'helm': {name: (path, line, alias_of, helm4_only)}}"""
    result = {}
    for family, files in SOURCES.items():
        names = {}
        for f in files:
            for name, path, line, alias, v4 in registrations(f):
                names[name] = (path, line, alias, v4)
        result[family] = names
    # Helm's library: Sprig minus env/expandenv (Sources/Helm/Engine/HelmEngine+Library.swift)
    library = open(os.path.join(ROOT, 'Sources/Helm/Engine/HelmEngine+Library.swift'), encoding='utf-8').read()
    for name in re.findall(r'functions\["(\w+)"\] = nil', library):
        result['sprig'].pop(name, None)
    return result


# ---------------------------------------------------------------------------------------------
# Counting golden cases
# ---------------------------------------------------------------------------------------------

def load(rel):
    with open(os.path.join(ROOT, rel), encoding='utf-8') as f:
        return json.load(f)


def golden_counts(builtin_names):
    """{function: [(fixture path, label, count)]}"""
    counts = {}

    def add(name, rel, label, n=1):
        entries = counts.setdefault(name, {})
        entries[(rel, label)] = entries.get((rel, label), 0) + n

    for part in ('core', 'text', 'crypto', 'helm'):
        rel = f'{FIX}/sprig-corpus/{part}.json'
        for case in load(rel):
            add(case['function'], rel, f'sprig-corpus/{part}.json')
    for rel in sorted(glob.glob(os.path.join(ROOT, FIX, 'template-corpus', '*.json'))):
        rel = os.path.relpath(rel, ROOT)
        for case in load(rel):
            name = case['name'].split('-')[0]
            if name in builtin_names:
                add(name, rel, 'template-corpus/' + os.path.basename(rel))
    rel = f'{FIX}/printf-corpus/cases.json'
    for case in load(rel):
        add(case['func'], rel, 'printf-corpus/cases.json')
    values_dir = f'{FIX}/values-corpus/expected'
    for path in sorted(glob.glob(os.path.join(ROOT, values_dir, '*.json'))):
        with open(path, encoding='utf-8') as f:
            expected = json.load(f)
        for name in ('toYaml', 'toJson', 'toPrettyJson', 'toYamlPretty', 'toToml'):
            if expected.get(name) is not None:
                add(name, f'{FIX}/values-corpus/', 'values-corpus')
    for base in ('helm-toyaml.json', 'helm-toyaml-fuzz.json'):
        rel = f'{FIX}/emitter/{base}'
        for case in load(rel):
            for name in ('toYaml', 'toYamlPretty'):
                if name in case:
                    add(name, rel, 'emitter/' + base)
    rel = f'{FIX}/toml-corpus.json'
    for case in load(rel):
        add('fromToml', rel, 'toml-corpus.json')
    return {name: sorted(((rel, label, n) for (rel, label), n in entries.items()), key=lambda e: -e[2])
            for name, entries in counts.items()}


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------

def cell(text):
    return text.replace('|', '\\|').replace('\n', ' ')


def tests_cell(entries):
    if not entries:
        return None
    parts = []
    for rel, label, n in entries:
        parts.append(f'[{label}](../{rel}) ({n} case{"s" if n != 1 else ""})')
    return '<br>'.join(parts)


def main():
    check = '--check' in sys.argv[1:]
    problems = []
    try:
        regs = registered()
    except SourceError as e:
        print(f'gen-functions-doc: {e}', file=sys.stderr)
        return 1
    helm, sprig, builtins = regs['helm'], regs['sprig'], regs['builtins']
    # Where each name's function comes from in Helm's map: Helm's own win over Sprig's, Sprig's over Go's.
    effective = {}
    for family in ('builtins', 'sprig', 'helm'):
        for name in regs[family]:
            effective[name] = family
    counts = golden_counts(set(builtins))

    described = {}
    for anchor, _, _, descs, source in FAMILIES:
        for name in descs:
            if name in described and not (source == 'builtins' or described[name] == 'builtins'):
                problems.append(f'`{name}` is described in two families')
            described.setdefault(name, source)
    all_registered = set(effective)
    for name in sorted(all_registered):
        fam = effective[name]
        descs = [d for _, _, _, d, src in FAMILIES if src == fam and name in d]
        if not descs:
            path, line, _, _ = regs[fam][name]
            problems.append(f'`{name}` ({path}:{line}) has no description in the {fam} family')
    for name in sorted(builtins):
        if name not in BUILTINS:
            path, line, _, _ = builtins[name]
            problems.append(f'builtin `{name}` ({path}:{line}) has no description')
    for _, _, _, descs, source in FAMILIES:
        for name in descs:
            if source == 'builtins':
                if name not in builtins:
                    problems.append(f'builtin `{name}` is described but not in Builtins.swift')
            elif effective.get(name) != source:
                problems.append(f'`{name}` is described under {source} but is ' +
                                (f'registered by {effective[name]}' if name in effective else 'not registered'))
    for name in ABSENT:
        if name in all_registered:
            problems.append(f'`{name}` is listed as absent but is registered')
    for name in MISSING:
        if name in all_registered:
            problems.append(f'`{name}` is now registered: move it from MISSING to a family table')
    for name in sorted(counts):
        if name not in all_registered and name not in ABSENT:
            problems.append(f'golden cases exist for `{name}`, which is neither registered nor listed as absent')
    untested_found = []
    for name in sorted(all_registered):
        if effective[name] == 'builtins' and name not in BUILTINS:
            continue
        has = bool(counts.get(name))
        if not has and name not in UNTESTED:
            path, line, _, _ = regs[effective[name]][name]
            problems.append(f'`{name}` ({path}:{line}) has no golden case under {FIX}')
        if has and name in UNTESTED:
            problems.append(f'`{name}` has golden cases now: remove it from UNTESTED')
        if not has:
            untested_found.append(name)
    for name in UNTESTED:
        if name not in all_registered:
            problems.append(f'`{name}` is in UNTESTED but not registered')

    # ---- the document
    lines = []
    w = lines.append
    w('# Template functions')
    w('')
    w('<!-- Generated by scripts/gen-functions-doc.py from the Swift sources and Tests/Fixtures. Do not edit. -->')
    w('')
    w('Every function a chart template can call in chartunit: Go\'s `text/template` builtins, the Sprig v3.3.0 library '
      '(minus `env` and `expandenv`, which Helm deletes) and Helm\'s own functions, merged in Helm\'s order '
      '(Helm\'s own win over Sprig\'s, Sprig\'s `slice` over Go\'s). The descriptions say what the function does in '
      'Go/Sprig/Helm, which is what chartunit reproduces, with the trap worth knowing. The **tests** column counts the '
      'golden cases recorded from real Helm (v4.2.3) under `Tests/Fixtures`; `swift test` checks chartunit against them. '
      '"Alias" means the same registered function under a second name.')
    w('')
    totals = []
    for anchor, title, _, descs, source in FAMILIES:
        names = [n for n in descs if (source == 'builtins' and n in builtins) or effective.get(n) == source]
        totals.append((anchor, title, len(names)))
    w('| family | functions |')
    w('|---|---:|')
    for anchor, title, n in totals:
        w(f'| [{title}](#{anchor}) | {n} |')
    distinct = len(all_registered)
    w(f'| **distinct names** (`slice` counted once) | **{distinct}** |')
    w('')
    w(f'Also: [deliberately absent](#deliberately-absent), [known gaps](#known-gaps).')
    w('')
    for anchor, title, intro, descs, source in FAMILIES:
        w(f'<a id="{anchor}"></a>')
        w('')
        w(f'## {title}')
        w('')
        if intro:
            w(intro)
            w('')
        w('| function | description | tests |')
        w('|---|---|---|')
        for name in sorted(descs, key=lambda s: (s.lower(), s)):
            if source == 'builtins':
                if name not in builtins:
                    continue
                reg = builtins[name]
            elif effective.get(name) != source:
                continue
            else:
                reg = regs[source][name]
            _, _, alias, v4 = reg
            desc = descs[name]
            notes = []
            if alias and not desc.startswith(('Alias of', 'Old spelling of', 'Error-returning')):
                notes.append(f'Alias of `{alias}`.')
            if v4 and name not in sprig:
                notes.append('**Helm 4 only** (not defined under Helm 3 / helm-unittest).')
            if source == 'builtins' and effective[name] != 'builtins':
                tests = f'— (shadowed by {effective[name].capitalize()}\'s `{name}`)'
            else:
                tests = tests_cell(counts.get(name)) or f'— ({UNTESTED.get(name, "none")})'
            w(f'| `{name}` | {cell(" ".join([desc] + notes))} | {tests} |')
        w('')
    w('<a id="deliberately-absent"></a>')
    w('')
    w('## Deliberately absent')
    w('')
    w('Calling these is a parse error, `function "NAME" not defined`, in real Helm and in chartunit.')
    w('')
    w('| function | why | tests |')
    w('|---|---|---|')
    for name, why in ABSENT.items():
        w(f'| `{name}` | {cell(why)} | {tests_cell(counts.get(name)) or "—"} |')
    w('')
    w('<a id="known-gaps"></a>')
    w('')
    w('## Known gaps')
    w('')
    for name, why in MISSING.items():
        w(f'- `{name}`: {why}')
    for gap in KNOWN_GAPS:
        w(f'- {gap}')
    if untested_found:
        w('- Registered without a golden case from real Helm: ' + ', '.join(f'`{n}`' for n in untested_found) + '.')
    if not (MISSING or KNOWN_GAPS or untested_found):
        w('None: every function listed matches its golden cases from real Helm.')
    w('')
    text = '\n'.join(lines)

    if problems:
        for p in problems:
            print(f'gen-functions-doc: {p}', file=sys.stderr)
        return 1
    if check:
        current = open(OUT, encoding='utf-8').read() if os.path.exists(OUT) else ''
        if current != text:
            print('gen-functions-doc: docs/functions.md is out of date; run scripts/gen-functions-doc.py', file=sys.stderr)
            return 1
        return 0
    old = open(OUT, encoding='utf-8').read() if os.path.exists(OUT) else None
    if old != text:
        with open(OUT, 'w', encoding='utf-8') as f:
            f.write(text)
    for anchor, title, n in totals:
        print(f'{n:4d}  {title}')
    print(f'{distinct:4d}  distinct names')
    return 0


if __name__ == '__main__':
    sys.exit(main())
