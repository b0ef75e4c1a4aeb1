import GoTemplate
import Sprig
import Testing

/// Sprig's function tables: the names registered (the same under both
/// semver dialects), one family per name, a description for every entry.
@Suite struct SprigFamilyTests {
    /// Every name Sprig registers (Sprig v3.3.0 without `env`/`expandenv`).
    static let names = """
        abbrev abbrevboth add add1 add1f addf adler32sum ago all any append atoi b32dec b32enc b64dec b64enc \
        base bcrypt biggest buildCustomCert camelcase cat ceil chunk clean coalesce compact concat contains \
        date dateInZone dateModify date_in_zone date_modify decryptAES deepCopy deepEqual default \
        derivePassword dict dig dir div divf duration durationRound empty encryptAES ext fail first float64 \
        floor fromJson genCA genCAWithKey genPrivateKey genSelfSignedCert genSelfSignedCertWithKey \
        genSignedCert genSignedCertWithKey get getHostByName has hasKey hasPrefix hasSuffix hello htmlDate \
        htmlDateInZone htpasswd indent initial initials int int64 isAbs join kebabcase keys kindIs kindOf last \
        list lower max maxf merge mergeOverwrite min minf mod mul mulf mustAppend mustChunk mustCompact \
        mustDateModify mustDeepCopy mustFirst mustFromJson mustHas mustInitial mustLast mustMerge \
        mustMergeOverwrite mustPrepend mustPush mustRegexFind mustRegexFindAll mustRegexMatch \
        mustRegexReplaceAll mustRegexReplaceAllLiteral mustRegexSplit mustRest mustReverse mustSlice \
        mustToDate mustToJson mustToPrettyJson mustToRawJson mustUniq mustWithout must_date_modify nindent \
        nospace now omit osBase osClean osDir osExt osIsAbs pick pluck plural prepend push quote randAlpha \
        randAlphaNum randAscii randBytes randInt randNumeric regexFind regexFindAll regexMatch regexQuoteMeta \
        regexReplaceAll regexReplaceAllLiteral regexSplit repeat replace rest reverse round semver \
        semverCompare seq set sha1sum sha256sum sha512sum shuffle slice snakecase sortAlpha split splitList \
        splitn squote sub subf substr swapcase ternary title toDate toDecimal toJson toPrettyJson toRawJson \
        toString toStrings trim trimAll trimPrefix trimSuffix trimall trunc tuple typeIs typeIsLike typeOf \
        uniq unixEpoch unset until untilStep untitle upper urlJoin urlParse uuidv4 values without wrap \
        wrapWith
        """.split(separator: " ").map(String.init)

    @Test func theRegisteredNamesAreSprigs() {
        for functions in [Sprig.functions(semver: .v3_5), Sprig.functions(semver: .v3_4)] {
            #expect(Set(functions.keys) == Set(Self.names))
            #expect(functions.count == Self.names.count)
        }
    }

    @Test func everyNameHasOneFamilyAndADescription() {
        let families = Sprig.families()
        #expect(families.map(\.id) == [
            "sprig-strings", "sprig-lists", "sprig-dicts", "sprig-math", "sprig-defaults", "sprig-conversion",
            "sprig-encoding", "sprig-regex", "sprig-dates", "sprig-semver", "sprig-paths", "sprig-crypto",
        ])
        var seen: [String: String] = [:]
        for family in families {
            #expect(family.library == "Sprig" && !family.title.isEmpty)
            for entry in family.entries {
                #expect(!entry.doc.isEmpty, "\(entry.name)")
                #expect(!entry.helm4Only, "\(entry.name)")
                #expect(seen.updateValue(family.id, forKey: entry.name) == nil, "\(entry.name) is in two families")
            }
        }
        #expect(Set(seen.keys) == Set(Self.names))
    }

    @Test func aliasesShareTheirTargetsFunction() {
        let aliases: [String: String] = [
            "tuple": "list", "append": "push", "mustAppend": "push", "mustPush": "push", "mustFirst": "first",
            "mustLast": "last", "mustRest": "rest", "mustInitial": "initial", "mustPrepend": "prepend",
            "mustReverse": "reverse", "mustUniq": "uniq", "mustWithout": "without", "mustHas": "has",
            "mustCompact": "compact", "mustSlice": "slice", "mustChunk": "chunk", "biggest": "max",
            "trimall": "trimAll", "date_in_zone": "dateInZone", "date_modify": "dateModify",
            "must_date_modify": "mustDateModify", "osIsAbs": "isAbs",
        ]
        var found: [String: String] = [:]
        for family in Sprig.families() {
            for entry in family.entries {
                guard let target = entry.aliasOf else { continue }
                found[entry.name] = target
                #expect(family.functions[entry.name] === family.functions[target], "\(entry.name)")
            }
        }
        #expect(found == aliases)
    }
}
