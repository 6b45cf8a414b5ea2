using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace SagaDsl.Analyzers.Tests.Verifiers;

/// <summary>What test code compiles against: .NET 10, the real Temporalio SDK and SagaDsl's attributes and runtime.</summary>
internal static class TestReferences
{
    public static readonly ReferenceAssemblies Net10 = new(
        "net10.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"),
        Path.Combine("ref", "net10.0"));

    public static readonly ImmutableArray<MetadataReference> Libraries = ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(typeof(Temporalio.Workflows.Workflow).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Google.Protobuf.IMessage).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(SagaDsl.SagaAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(SagaDsl.StepContext).Assembly.Location));
}
