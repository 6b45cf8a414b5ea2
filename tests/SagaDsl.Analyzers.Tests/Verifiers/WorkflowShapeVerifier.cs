using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SagaDsl.Analyzers.Shapes;

namespace SagaDsl.Analyzers.Tests.Verifiers;

/// <summary>Runs the workflow shape analyzer on test code written with <c>{|SAGA201:...|}</c> markup.</summary>
internal static class WorkflowShapeVerifier
{
    public static Task VerifyAsync(string source)
    {
        var test = new CSharpAnalyzerTest<WorkflowShapeAnalyzer, DefaultVerifier>
        {
            TestCode = DeterminismVerifier.Usings + source,
            ReferenceAssemblies = TestReferences.Net10,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.Libraries);
        return test.RunAsync();
    }
}
