using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SagaDsl.Analyzers.Payloads;
using Temporalio.Converters;
using Xunit;

namespace SagaDsl.Analyzers.Tests.Payloads;

/// <summary>
/// The rule is only as good as its model of System.Text.Json, so the truth here is the converter
/// itself: a value of every shape is compiled, round-tripped through Temporal's default data
/// converter, and compared with what came back. SAGA025 must be reported exactly when the value does
/// not come back whole (an exception on the way, or anything missing, reordered or changed).
/// </summary>
public class PayloadVerdictTests
{
    public static TheoryData<string, string, string> Shapes => new()
    {
        // type, declarations, a value with something in every member
        { "Receipt", "public sealed record Receipt(string Id, decimal Amount, DateTimeOffset At, Kind Kind);", "new(\"r\", 1.5m, DateTimeOffset.UnixEpoch, Kind.Bank)" },
        { "Settable", "public class Settable { public string? Id { get; set; } public List<string> Tags { get; set; } = new(); public string? Code { get; init; } }", "new() { Id = \"a\", Tags = { \"t\" }, Code = \"c\" }" },
        { "Computed", "public class Computed { public int A { get; set; } public int Twice => A * 2; }", "new() { A = 2 }" },
        { "Matched", "public class Matched { public Matched(string id) => Id = id; public string Id { get; } }", "new(\"a\")" },
        { "Included", "public class Included { [JsonInclude] public string? Note; [JsonInclude] public string? Id { get; private set; } public Included() { } public Included(string id) { Id = id; Note = id; } }", "new(\"a\")" },
        { "Point", "public readonly record struct Point(int X, int Y);", "new(1, 2)" },
        { "Dictionary<Guid, List<int>>", "", "new() { [Guid.Empty] = new() { 1 } }" },
        { "Dictionary<Kind, string>", "", "new() { [Kind.Bank] = \"b\" }" },
        { "IReadOnlyList<int?>", "", "new List<int?> { 1, null }" },
        { "ISet<int>", "", "new HashSet<int> { 1 }" },
        { "Tuple<string, int>", "", "Tuple.Create(\"a\", 1)" },
        { "Node", "public class Node { public string? Name { get; set; } public List<Node> Children { get; set; } = new(); }", "new() { Name = \"root\", Children = { new() { Name = \"leaf\" } } }" },
        { "Page<Receipt>", "public class Page<T> { public List<T> Items { get; set; } = new(); public int Total { get; set; } } public sealed record Receipt(string Id, decimal Amount, DateTimeOffset At, Kind Kind);", "new() { Items = { new(\"r\", 1, DateTimeOffset.UnixEpoch, Kind.Card) }, Total = 1 }" },
        { "Queue<int>", "", "new(new[] { 1, 2 })" },
        { "byte[]", "", "new byte[] { 1, 2 }" },
        { "int[][]", "", "new[] { new[] { 1 } }" },
        { "Polymorphic", "[JsonDerivedType(typeof(Square), \"square\")] public abstract class Polymorphic { } public sealed class Square : Polymorphic { public int Side { get; set; } }", "new Square { Side = 2 }" },
        { "(string Sku, int Quantity)", "", "(\"a\", 1)" },
        { "Line", "public record Line((string Sku, int Quantity) Item);", "new((\"a\", 1))" },
        { "Fields", "public class Fields { public string? Note; }", "new() { Note = \"n\" }" },
        { "PrivateSetter", "public class PrivateSetter { public PrivateSetter() { } public PrivateSetter(string id) => Id = id; public string? Id { get; private set; } }", "new(\"a\")" },
        { "GetOnly", "public class GetOnly { public GetOnly() { } public GetOnly(string id) => Id = id; public string? Id { get; } }", "new(\"a\")" },
        { "Lines", "public class Lines { public List<string> Items { get; } = new(); }", "new() { Items = { \"a\" } }" },
        { "TwoConstructors", "public class TwoConstructors { public TwoConstructors(string id) => Id = id; public TwoConstructors(int id) => Id = \"\"; public string Id { get; } }", "new(\"a\")" },
        { "CountedStruct", "public struct CountedStruct { public CountedStruct(int count) => Count = count; public int Count { get; } }", "new(1)" },
        { "Dictionary<Receipt, int>", "public sealed record Receipt(string Id);", "new() { [new(\"r\")] = 1 }" },
        { "Stack<int>", "", "new(new[] { 1, 2 })" },
        { "IReadOnlySet<int>", "", "new HashSet<int> { 1 }" },
        { "IShape", "public interface IShape { } public class Circle : IShape { public int R { get; set; } }", "new Circle { R = 1 }" },
        { "Figure", "public abstract class Figure { public int Sides { get; set; } } public class Triangle : Figure { }", "new Triangle { Sides = 3 }" },
        { "InvalidOperationException", "", "new(\"broken\")" },
        { "MemoryStream", "", "new(new byte[] { 1 })" },
        { "Func<int>", "", "() => 1" },
        { "int[,]", "", "new int[,] { { 1 } }" },
        { "nint", "", "5" },
        { "Type", "", "typeof(int)" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task SAGA025_is_reported_exactly_when_the_default_converter_does_not_return_the_value_whole(string type, string declarations, string value)
    {
        var compilation = Compile(type, declarations, value);

        var reported = await ReportedAsync(compilation);
        var (whole, what) = RoundTrip(compilation);

        Assert.True(reported != whole, reported
            ? $"SAGA025 is reported for '{type}', but the converter returned it whole: {what}"
            : $"SAGA025 is not reported for '{type}', but the converter did not return it whole: {what}");
    }

    private static CSharpCompilation Compile(string type, string declarations, string value)
    {
        var source = $$"""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Text.Json.Serialization;
            using SagaDsl;

            namespace Probe;

            public enum Kind { Card, Bank }
            public sealed record Order(string Id);
            {{declarations}}

            [Saga]
            public partial class ProbeSaga
            {
                [SagaStep(1)] public {{type}} Step(Order order) => Values.Create();
            }

            public static class Values
            {
                public static {{type}} Create() => {{value}};
            }
            """;
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = platform
            .Append(typeof(DataConverter).Assembly.Location)
            .Append(typeof(SagaAttribute).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "Probe" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(source) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        return compilation;
    }

    private static async Task<bool> ReportedAsync(CSharpCompilation compilation)
    {
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PayloadAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics.Any(diagnostic => diagnostic.Id == "SAGA025");
    }

    /// <summary>Sends the value through the converter and compares everything it holds, fields and order included.</summary>
    private static (bool Whole, string What) RoundTrip(CSharpCompilation compilation)
    {
        using var image = new MemoryStream();
        Assert.True(compilation.Emit(image).Success);
        var context = new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true);
        try
        {
            image.Position = 0;
            var factory = context.LoadFromStream(image).GetType("Probe.Values")!.GetMethod("Create")!;
            var declared = factory.ReturnType;
            var original = factory.Invoke(null, null);
            var converter = DataConverter.Default.PayloadConverter;
            object? returned;
            try
            {
                returned = converter.ToValue(converter.ToPayload(original), declared);
            }
            catch (Exception exception) when (exception is not TargetInvocationException)
            {
                return (false, exception.GetType().Name + ": " + exception.Message);
            }

            var before = Everything(original);
            var after = Everything(returned);
            return (before == after, before + " came back as " + after);
        }
        finally
        {
            context.Unload();
        }
    }

    private static readonly JsonSerializerOptions Witness = new() { IncludeFields = true };

    private static string Everything(object? value) =>
        value is null ? "null" : JsonSerializer.Serialize(value, value.GetType(), Witness);
}
