import Foundation
import Testing
@testable import Helm
import Values

/// Pieces of the schema validator that the Helm corpus cannot reach: Go
/// integer values (`--set n=3` gives int64, which the oracle turns into
/// float64), number printing, exact decimal arithmetic, and the API.
@Suite struct SchemaValidationTests {
    static let replicasSchema = Array(#"{"properties": {"replicas": {"type": "integer", "minimum": 1, "multipleOf": 2}}}"#.utf8)

    @Test(arguments: [
        (Value.int(4, .int64), nil),
        (Value.int(0, .int64), "- at '/replicas': minimum: got 0, want 1\n"),
        (Value.int(3, .int64), "- at '/replicas': multipleOf: got 3, want 2\n"),
        (Value.int(-1, .uint64), "- at '/replicas': multipleOf: got 1.8446744073709552×10¹⁹, want 2\n"),
        (Value.string("1.5"), "- at '/replicas': got string, want integer\n"),
        (Value.float(2), nil),
        (Value.float(1e21), nil),
        (Value.float(2.5), "- at '/replicas': got number, want integer\n"),
    ] as [(Value, String?)])
    func integerValues(_ value: Value, _ expected: String?) {
        let result = SchemaValidation.validate(values: GoMap(["replicas": value]), schema: Self.replicasSchema)
        #expect(result == expected)
    }

    /// Members are validated in table order but reported in byte order of
    /// their names, as are the names in an `additionalProperties` error.
    @Test func memberErrorsInByteOrder() {
        let schema = Array(#"""
        {"additionalProperties": false, "properties": {"a": {"type": "string"}, "b": {"type": "string", "maxLength": 1},
         "Z": {"type": "integer"}, "é": {"type": "boolean"}, "10": {"type": "null"},
         "aa": {"type": "object", "properties": {"y": {"type": "string"}, "x": {"type": "string"}}, "required": ["q"]}}}
        """#.utf8)
        let values = GoMap([
            "b": .string("long"), "a": .int(1), "Z": .float(2.5), "é": .string("x"), "10": .list([]),
            "aa": .map(["y": .int(1), "x": .bool(true), "z": .null]), "zz": .int(1), "Zz": .null, "ab": .null, "B": .null,
        ])
        #expect(SchemaValidation.validate(values: values, schema: schema) == """
            - at '/10': got array, want null
            - at '/Z': got number, want integer
            - at '/a': got number, want string
            - at '/aa': validation failed
              - at '/aa': missing property 'q'
              - at '/aa/x': got boolean, want string
              - at '/aa/y': got number, want string
            - at '/b': maxLength: got 4, want 1
            - at '/é': got string, want boolean
            - at '': additional properties 'B', 'Zz', 'ab', 'zz' not allowed

            """)
    }

    /// With few named properties and no other member keywords, only those
    /// members are looked at; the order stays the same.
    @Test func namedPropertyErrorsInByteOrder() {
        let schema = Array(#"{"properties": {"m": {"type": "string"}, "c": {"enum": ["x", 1]}}}"#.utf8)
        let values = GoMap(["m": .int(1), "c": .int(2), "a": .null, "b": .null, "d": .null, "e": .null])
        #expect(SchemaValidation.validate(values: values, schema: schema) == """
            - at '/c': value must be one of 'x', 1
            - at '/m': got number, want string

            """)
    }

    @Test func helm3AndHelm4ShareTheText() throws {
        let schema = Array(#"{"required": ["name"]}"#.utf8)
        var chart = Chart(metadata: ChartMetadata())
        chart.metadata.name = "c"
        chart.schema = schema
        let processed = ProcessedChart(chart: chart, path: "c", values: GoMap(), isRoot: true, subcharts: [])
        let expected = "values don't meet the specifications of the schema(s) in the following chart(s):\nc:\n- at '': missing property 'name'\n"
        #expect(SchemaValidation.check(processed, helm: .v3)?.message == expected)
        #expect(SchemaValidation.check(processed, helm: .v4)?.message == expected)
        #expect(SchemaValidation.check(processed, helm: .v3)?.kind == .valuesSchema)
    }

    @Test func subchartValuesMustBeMaps() {
        var sub = Chart(metadata: ChartMetadata())
        sub.metadata.name = "sub"
        sub.schema = Array("{}".utf8)
        var top = Chart(metadata: ChartMetadata())
        top.metadata.name = "top"
        let subProcessed = ProcessedChart(chart: sub, path: "top/charts/sub", values: GoMap(), isRoot: false, subcharts: [])
        let processed = ProcessedChart(chart: top, path: "top", values: GoMap(["sub": .string("x")]), isRoot: true, subcharts: [subProcessed])
        #expect(SchemaValidation.check(processed, helm: .v4)?.message
            == "values don't meet the specifications of the schema(s) in the following chart(s):\nsub:\ninvalid type for values: expected object (map), got string\n")
    }
}
