using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SagaDsl.Analyzers.Determinism;
using SagaDsl.CodeFixes;

namespace SagaDsl.Analyzers.Tests.Verifiers;

/// <summary>Applies the determinism code fix (and Fix All) and compares with the expected source, where what is left is marked.</summary>
internal static class DeterminismFixVerifier
{
    public static Task VerifyFixAsync(string source, string fixedSource, int? iterations = null)
    {
        var test = new CSharpCodeFixTest<WorkflowDeterminismAnalyzer, DeterminismCodeFixProvider, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = TestReferences.Net10,

            // A use the fix leaves alone is marked in the fixed source too (by default that markup is ignored).
            FixedState = { MarkupHandling = MarkupMode.Allow },
        };
        if (iterations is { } count)
        {
            test.NumberOfFixAllIterations = count;
            test.NumberOfIncrementalIterations = count;
        }

        test.TestState.AdditionalReferences.AddRange(TestReferences.Libraries);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.Libraries);
        return test.RunAsync();
    }
}
