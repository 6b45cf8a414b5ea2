using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SagaDsl.Analyzers.Declarations;
using SagaDsl.CodeFixes;

namespace SagaDsl.Analyzers.Tests.Verifiers;

/// <summary>Applies the saga declaration fixes and compares with the expected source.</summary>
internal static class DeclarationFixVerifier
{
    public const string Header = """
        using System.Threading.Tasks;
        using SagaDsl;

        namespace Shop;

        public sealed record Order(string Id);
        public sealed record Hold(string Id);

        """;

    public static Task VerifyFixAsync(string source, string fixedSource)
    {
        var test = new CSharpCodeFixTest<SagaDeclarationAnalyzer, SagaDeclarationCodeFixProvider, DefaultVerifier>
        {
            TestCode = Header + source,
            FixedCode = Header + fixedSource,
            ReferenceAssemblies = TestReferences.Net10,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.Libraries);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.Libraries);
        return test.RunAsync();
    }
}
