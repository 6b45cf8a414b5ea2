using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace SagaDsl.Generator;

/// <summary>The types the parser recognises, resolved once per parse.</summary>
internal sealed class KnownTypes
{
    public const string SagaAttribute = "SagaDsl.SagaAttribute";

    public const string SagaStepAttribute = "SagaDsl.SagaStepAttribute";

    /// <summary>Present when the project references Temporalio.Extensions.Hosting.</summary>
    public const string HostingBuilder = "Temporalio.Extensions.Hosting.ITemporalWorkerServiceOptionsBuilder";

    private static readonly ConditionalWeakTable<Compilation, KnownTypes> PerCompilation = new();

    private readonly Lazy<string[]> shadowedRootNamespaces;

    private KnownTypes(Compilation compilation)
    {
        Compilation = compilation;
        SagaStep = compilation.GetTypeByMetadataName(SagaStepAttribute);
        CompensatedBy = compilation.GetTypeByMetadataName("SagaDsl.CompensatedByAttribute");
        FromStep = compilation.GetTypeByMetadataName("SagaDsl.FromStepAttribute");
        SagaInput = compilation.GetTypeByMetadataName("SagaDsl.SagaInputAttribute");
        SagaTaskQueue = compilation.GetTypeByMetadataName("SagaDsl.SagaTaskQueueAttribute");
        SearchAttribute = compilation.GetTypeByMetadataName("SagaDsl.SearchAttributeAttribute");
        DateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
        Guid = compilation.GetTypeByMetadataName("System.Guid");
        EnumerableOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.IEnumerable`1");
        StepContext = compilation.GetTypeByMetadataName("SagaDsl.StepContext");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        shadowedRootNamespaces = new Lazy<string[]>(() => GeneratedNames.RootNamespaces
            .Where(root => compilation.GlobalNamespace.GetTypeMembers(root).Any(static type => type.Locations.Any(static location => location.IsInSource)))
            .ToArray());
    }

    public Compilation Compilation { get; }

    /// <summary>
    /// Gets the namespaces generated code names from <c>global::</c> that a type of this compilation,
    /// declared at its root, stands in place of. The same for every saga, so found once.
    /// </summary>
    public IReadOnlyList<string> ShadowedRootNamespaces => shadowedRootNamespaces.Value;

    public INamedTypeSymbol? SagaStep { get; }

    public INamedTypeSymbol? CompensatedBy { get; }

    public INamedTypeSymbol? FromStep { get; }

    public INamedTypeSymbol? SagaInput { get; }

    public INamedTypeSymbol? SagaTaskQueue { get; }

    public INamedTypeSymbol? SearchAttribute { get; }

    public INamedTypeSymbol? DateTimeOffset { get; }

    public INamedTypeSymbol? Guid { get; }

    public INamedTypeSymbol? EnumerableOfT { get; }

    public INamedTypeSymbol? StepContext { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    /// <summary>
    /// The known types of a compilation, resolved on its first saga and shared by the rest: each
    /// lookup searches every referenced assembly, fifteen lookups per saga were a fifth of reading it.
    /// Keyed by the compilation itself, so an edit, which makes a new compilation, resolves afresh.
    /// </summary>
    public static KnownTypes From(Compilation compilation) => PerCompilation.GetValue(compilation, static created => new KnownTypes(created));

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, known);

    /// <summary>Whether the type is <paramref name="known"/> or derives from it.</summary>
    public static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol? known)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, known))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every application of an attribute that may be applied more than once, in source order.</summary>
    public static List<AttributeData> FindAll(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        var found = new List<AttributeData>();
        foreach (var data in symbol.GetAttributes())
        {
            if (Is(data.AttributeClass, attribute))
            {
                found.Add(data);
            }
        }

        return found;
    }

    public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        foreach (var data in symbol.GetAttributes())
        {
            if (Is(data.AttributeClass, attribute))
            {
                return data;
            }
        }

        return null;
    }
}
