using System.Linq;
using Microsoft.CodeAnalysis;
using SagaDsl.Generator;

namespace SagaDsl.Analyzers.Payloads;

/// <summary>The types whose payloads System.Text.Json treats specially, resolved once per compilation.</summary>
internal sealed class PayloadTypes
{
    public PayloadTypes(Compilation compilation)
    {
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        AsyncEnumerable = compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1");
        Stream = compilation.GetTypeByMetadataName("System.IO.Stream");
        Type = compilation.GetTypeByMetadataName("System.Type");
        MemberInfo = compilation.GetTypeByMetadataName("System.Reflection.MemberInfo");
        Exception = compilation.GetTypeByMetadataName("System.Exception");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        Stack = compilation.GetTypeByMetadataName("System.Collections.Generic.Stack`1");
        ConcurrentStack = compilation.GetTypeByMetadataName("System.Collections.Concurrent.ConcurrentStack`1");
        ReadOnlySet = compilation.GetTypeByMetadataName("System.Collections.Generic.IReadOnlySet`1");
        Enumerable = compilation.GetTypeByMetadataName("System.Collections.Generic.IEnumerable`1");
        Dictionary = compilation.GetTypeByMetadataName("System.Collections.Generic.IDictionary`2");
        ReadOnlyDictionary = compilation.GetTypeByMetadataName("System.Collections.Generic.IReadOnlyDictionary`2");
        JsonConverter = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonConverterAttribute");
        JsonInclude = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonIncludeAttribute");
        JsonIgnore = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonIgnoreAttribute");
        JsonConstructor = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonConstructorAttribute");
        JsonDerivedType = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonDerivedTypeAttribute");
        JsonExtensionData = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonExtensionDataAttribute");
        ProtobufMessage = compilation.GetTypeByMetadataName("Google.Protobuf.IMessage");
    }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    public INamedTypeSymbol? AsyncEnumerable { get; }

    public INamedTypeSymbol? Stream { get; }

    public INamedTypeSymbol? Type { get; }

    public INamedTypeSymbol? MemberInfo { get; }

    public INamedTypeSymbol? Exception { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? Stack { get; }

    public INamedTypeSymbol? ConcurrentStack { get; }

    public INamedTypeSymbol? ReadOnlySet { get; }

    public INamedTypeSymbol? Enumerable { get; }

    public INamedTypeSymbol? Dictionary { get; }

    public INamedTypeSymbol? ReadOnlyDictionary { get; }

    public INamedTypeSymbol? JsonConverter { get; }

    public INamedTypeSymbol? JsonInclude { get; }

    public INamedTypeSymbol? JsonIgnore { get; }

    public INamedTypeSymbol? JsonConstructor { get; }

    public INamedTypeSymbol? JsonDerivedType { get; }

    public INamedTypeSymbol? JsonExtensionData { get; }

    /// <summary>Protobuf messages take Temporal's proto converters, not JSON.</summary>
    public INamedTypeSymbol? ProtobufMessage { get; }

    public static bool Implements(ITypeSymbol type, INamedTypeSymbol? known) => Interface(type, known) is not null;

    public static INamedTypeSymbol? Interface(ITypeSymbol type, INamedTypeSymbol? known)
    {
        if (KnownTypes.Is(type, known))
        {
            return (INamedTypeSymbol)type;
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (KnownTypes.Is(candidate, known))
            {
                return candidate;
            }
        }

        return null;
    }
}
