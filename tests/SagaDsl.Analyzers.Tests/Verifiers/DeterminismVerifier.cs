using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SagaDsl.Analyzers.Determinism;

namespace SagaDsl.Analyzers.Tests.Verifiers;

/// <summary>Runs the determinism analyzer on test code written with <c>{|SAGA101:...|}</c> markup.</summary>
internal static class DeterminismVerifier
{
    /// <summary>Usings every test source starts with, so cases stay short.</summary>
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Temporalio.Activities;
        using Temporalio.Workflows;

        """;

    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<WorkflowDeterminismAnalyzer, DefaultVerifier>.Diagnostic(id);

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(source, null, expected);

    /// <summary>Verifies <paramref name="source"/> against a library project, compiled apart, that declares types it uses.</summary>
    public static Task VerifyAsync(string source, string? library, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<WorkflowDeterminismAnalyzer, DefaultVerifier>
        {
            TestCode = Usings + source,
            ReferenceAssemblies = TestReferences.Net10,
        };
        if (library is not null)
        {
            // Compiled as a project of its own, as a provider's package is.
            test.TestState.AdditionalProjects["Library"].Sources.Add(library);
            test.TestState.AdditionalProjects["Library"].AdditionalReferences.AddRange(TestReferences.Libraries);
            test.TestState.AdditionalProjectReferences.Add("Library");
        }

        test.TestState.AdditionalReferences.AddRange(TestReferences.Libraries);
        // A finding reached through a helper carries the helper's line as an additional location. A case that
        // gives one location is about the call; one that gives two checks the helper's line as well.
        test.ExpectedDiagnostics.AddRange(expected.Select(static result => result.Spans.Length == 1 ? result.WithOptions(result.Options | DiagnosticOptions.IgnoreAdditionalLocations) : result));
        return test.RunAsync();
    }
}
