using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SagaDsl.Analyzers.Payloads;

namespace SagaDsl.Analyzers.Tests.Verifiers;

/// <summary>Runs the payload analyzer on sagas written with <c>{|SAGA025:...|}</c> markup.</summary>
internal static class PayloadVerifier
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using SagaDsl;

        namespace Shop;

        public sealed record Order(string Id);

        """;

    public static Task VerifyAsync(string source)
    {
        var test = new CSharpAnalyzerTest<PayloadAnalyzer, DefaultVerifier>
        {
            TestCode = Usings + source,
            ReferenceAssemblies = TestReferences.Net10,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.Libraries);
        return test.RunAsync();
    }
}
