using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SagaDsl.Analyzers.Declarations;
using SagaDsl.CodeFixes;

namespace SagaDsl.Analyzers.Tests.Verifiers;

/// <summary>Checks a saga against a shipped-shapes file, and what the fix writes into that file.</summary>
internal static class ShippedShapeVerifier
{
    public const string ShapesFile = "/0/SagaShapes.Shipped.txt";

    /// <summary>Reports the markup's diagnostics, in the source and in the shapes file, and no others.</summary>
    public static Task VerifyAsync(string source, string shapes)
    {
        var test = new CSharpCodeFixTest<SagaDeclarationAnalyzer, ShippedShapeCodeFixProvider, DefaultVerifier>
        {
            TestCode = DeclarationFixVerifier.Header + source,
            ReferenceAssemblies = TestReferences.Net10,
        };
        test.TestState.AdditionalFiles.Add((ShapesFile, shapes));
        test.TestState.AdditionalReferences.AddRange(TestReferences.Libraries);
        return test.RunAsync();
    }

    /// <summary>Applies the fix with <paramref name="equivalenceKey"/> and compares the shapes file it leaves.</summary>
    public static Task VerifyFixAsync(string source, string shapes, string fixedShapes, string equivalenceKey = "SagaDsl.RecordShape")
    {
        var test = new CSharpCodeFixTest<SagaDeclarationAnalyzer, ShippedShapeCodeFixProvider, DefaultVerifier>
        {
            TestCode = DeclarationFixVerifier.Header + source,
            ReferenceAssemblies = TestReferences.Net10,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        test.TestState.AdditionalFiles.Add((ShapesFile, shapes));
        test.TestState.AdditionalReferences.AddRange(TestReferences.Libraries);
        test.FixedState.AdditionalFiles.Add((ShapesFile, fixedShapes));
        test.FixedState.AdditionalReferences.AddRange(TestReferences.Libraries);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.FixedState.Sources.Add(DeclarationFixVerifier.Header + Unmarked(source));
        return test.RunAsync();
    }

    private static string Unmarked(string source) =>
        System.Text.RegularExpressions.Regex.Replace(source, @"\{\|SAGA\d+:([^|]*)\|\}", "$1");
}
