using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SagaDsl.Analyzers.Shapes;
using SagaDsl.CodeFixes;

namespace SagaDsl.Analyzers.Tests.Verifiers;

/// <summary>Applies the workflow shape code fix (and Fix All) and compares with the expected source, where what is left is marked.</summary>
internal static class WorkflowShapeFixVerifier
{
    public static Task VerifyFixAsync(string source, string fixedSource)
    {
        var test = new CSharpCodeFixTest<WorkflowShapeAnalyzer, WorkflowShapeCodeFixProvider, DefaultVerifier>
        {
            TestCode = DeterminismVerifier.Usings + source,
            FixedCode = DeterminismVerifier.Usings + fixedSource,
            ReferenceAssemblies = TestReferences.Net10,
            FixedState = { MarkupHandling = MarkupMode.Allow },
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.Libraries);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.Libraries);
        return test.RunAsync();
    }
}
