using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SagaDsl.Analyzers.Determinism;

/// <summary>The symbols the determinism rules look for, resolved once per compilation.</summary>
internal sealed class KnownSymbols
{
    private const string SafeMarkerName = "WorkflowSafeAttribute";

    private static readonly string[][] OutsideWorldNamespaceParts = ForbiddenApiCatalog.OutsideWorldNamespaces.Select(static name => name.Split('.')).ToArray();
    private static readonly string[][] ClientLibraryNamespaceParts = ForbiddenApiCatalog.ClientLibraryNamespaces.Select(static name => name.Split('.')).ToArray();

    // Every member access that matches no entry asks about its namespace: the answer is kept per namespace.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<INamespaceSymbol, bool> outsideWorld = new(SymbolEqualityComparer.Default);

    private KnownSymbols(Compilation compilation)
    {
        Own = compilation.Assembly;
        Workflow = compilation.GetTypeByMetadataName("Temporalio.Workflows.WorkflowAttribute");
        WorkflowClass = compilation.GetTypeByMetadataName("Temporalio.Workflows.Workflow");
        Logger = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger");
        LoggerExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerExtensions");
        Activity = compilation.GetTypeByMetadataName("Temporalio.Activities.ActivityAttribute");
        Expression = compilation.GetTypeByMetadataName("System.Linq.Expressions.Expression`1");
        TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        FuncOfT = compilation.GetTypeByMetadataName("System.Func`1");
        TaskScheduler = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskScheduler");

        var forbidden = new Dictionary<INamedTypeSymbol, ForbiddenApi[]>(SymbolEqualityComparer.Default);
        foreach (var entry in ForbiddenApiCatalog.Types)
        {
            if (compilation.GetTypeByMetadataName(entry.Key) is { } type)
            {
                forbidden[type] = entry.Value;
            }
        }

        Forbidden = forbidden;
        Enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
        HashOrdered = ForbiddenApiCatalog.HashOrderedCollections
            .Select(name => compilation.GetTypeByMetadataName(name))
            .OfType<INamedTypeSymbol>()
            .ToImmutableHashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
    }

    /// <summary>Gets the assembly being compiled: its own code is followed, not matched through what it overrides.</summary>
    public IAssemblySymbol Own { get; }

    public INamedTypeSymbol? Workflow { get; }

    /// <summary>Gets <c>Temporalio.Workflows.Workflow</c>, whose <c>Logger</c> is the one workflow code logs with.</summary>
    public INamedTypeSymbol? WorkflowClass { get; }

    public INamedTypeSymbol? Logger { get; }

    public INamedTypeSymbol? LoggerExtensions { get; }

    public INamedTypeSymbol? Activity { get; }

    public INamedTypeSymbol? Expression { get; }

    public INamedTypeSymbol? TimeSpan { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? FuncOfT { get; }

    public INamedTypeSymbol? TaskScheduler { get; }

    public IReadOnlyDictionary<INamedTypeSymbol, ForbiddenApi[]> Forbidden { get; }

    public INamedTypeSymbol? Enumerable { get; }

    /// <summary>Gets the collections that enumerate in the order of their items' hash codes (by original definition).</summary>
    public ImmutableHashSet<INamedTypeSymbol> HashOrdered { get; }

    public static KnownSymbols From(Compilation compilation) => new(compilation);

    /// <summary>
    /// Whether a type lives in a namespace whose every type talks to the outside world. Compared by
    /// name: a compilation's merged namespace never equals the one a metadata type reports.
    /// </summary>
    public bool IsOutsideWorld(INamespaceSymbol? space) =>
        space is not null && !space.IsGlobalNamespace && outsideWorld.GetOrAdd(space, static candidate => Classify(candidate));

    private static bool Classify(INamespaceSymbol space)
    {
        if (OutsideWorldNamespaceParts.Any(parts => Is(space, parts)))
        {
            return true;
        }

        if (space.Name is "Models" or "Model")
        {
            return false;
        }

        // A client library's namespace is this one or one it is nested in.
        for (var current = space; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            if (ClientLibraryNamespaceParts.Any(parts => Is(current, parts)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="space"/> is exactly the namespace named by <paramref name="parts"/>.</summary>
    private static bool Is(INamespaceSymbol space, string[] parts)
    {
        var current = space;
        var index = parts.Length - 1;
        while (index >= 0 && current is { IsGlobalNamespace: false } && current.Name == parts[index])
        {
            current = current.ContainingNamespace;
            index--;
        }

        return index < 0 && current is { IsGlobalNamespace: true };
    }

    public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return false;
        }

        foreach (var data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a developer marked the member or its type as reviewed: any attribute class named
    /// <c>WorkflowSafeAttribute</c> counts, SagaDsl's or one of the project's own.
    /// </summary>
    public static bool IsMarkedSafe(ISymbol symbol)
    {
        for (var current = symbol; current is not null; current = current.ContainingType)
        {
            foreach (var data in current.GetAttributes())
            {
                if (data.AttributeClass?.Name == SafeMarkerName)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
