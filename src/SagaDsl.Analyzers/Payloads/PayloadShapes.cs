using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SagaDsl.Analyzers.Determinism;
using SagaDsl.Generator;

namespace SagaDsl.Analyzers.Payloads;

/// <summary>Why a value of a type does not come back whole from a payload, and what to write instead.</summary>
/// <param name="Path">The member that holds the offending type, e.g. <c>Cart.Lines[]</c>; <c>null</c> for the type itself.</param>
internal sealed record PayloadProblem(string? Path, string Why, string Fix);

/// <summary>
/// What Temporal's default data converter does to a type. Anything that is not null, bytes or a
/// protobuf message goes through System.Text.Json with default options, which skips fields, leaves
/// properties it cannot set empty, and throws on types it cannot create. Each rule below was measured
/// by round-tripping values through <c>DataConverter.Default</c>; the tests that keep it so compare
/// this model's verdict with what the converter does to a value of every shape.
/// </summary>
internal sealed class PayloadShapes
{
    // Payloads nest a few levels deep; a type graph deeper than this is a generated model the
    // user wrote a converter for, or a loop we already cut.
    private const int MaximumDepth = 12;

    private readonly PayloadTypes types;
    private readonly ConcurrentDictionary<ITypeSymbol, PayloadProblem?> verdicts = new(SymbolEqualityComparer.Default);

    public PayloadShapes(PayloadTypes types) => this.types = types;

    /// <summary>The first problem found in the type or anything it holds, or <c>null</c> when it round-trips.</summary>
    public PayloadProblem? Check(ITypeSymbol type, CancellationToken cancellationToken) =>
        verdicts.GetOrAdd(type, root => new Walk(types, cancellationToken).Visit(root, null, 0));

    private sealed class Walk
    {
        private readonly PayloadTypes types;
        private readonly CancellationToken cancellationToken;
        private readonly HashSet<ITypeSymbol> visiting = new(SymbolEqualityComparer.Default);

        public Walk(PayloadTypes types, CancellationToken cancellationToken)
        {
            this.types = types;
            this.cancellationToken = cancellationToken;
        }

        public PayloadProblem? Visit(ITypeSymbol type, string? path, int depth)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (depth > MaximumDepth)
            {
                return null;
            }

            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var underlying] })
            {
                type = underlying;
            }

            if (type is IArrayTypeSymbol array)
            {
                return array.Rank > 1
                    ? Problem(path, type, "is a multi-dimensional array, which System.Text.Json cannot write", "use a jagged array or a list of lists")
                    : Visit(array.ElementType, Element(path, type), depth + 1);
            }

            if (type.TypeKind is TypeKind.Dynamic or TypeKind.TypeParameter or TypeKind.Error or TypeKind.Enum
                || type.SpecialType is SpecialType.System_Object or SpecialType.System_String
                || KnownSymbols.HasAttribute(type, types.JsonConverter)
                || PayloadTypes.Implements(type, types.ProtobufMessage))
            {
                return null;
            }

            if (Unsupported(type, path) is { } unsupported)
            {
                return unsupported;
            }

            return IsContainer(type, path, depth, out var inside) ? inside : Members(type, path, depth);
        }

        /// <summary>Types that are not data at all, or that System.Text.Json cannot write or read back.</summary>
        private PayloadProblem? Unsupported(ITypeSymbol type, string? path)
        {
            if (type.IsTupleType || type.OriginalDefinition.ToDisplayString().StartsWith("System.ValueTuple", StringComparison.Ordinal))
            {
                return Problem(path, type, "is a value tuple: its elements are fields, which System.Text.Json skips, so it arrives empty", "declare a record with one property per element");
            }

            if (type.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr)
            {
                return Problem(path, type, "is a native-sized integer, which System.Text.Json cannot write", "use long");
            }

            if (type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Delegate)
            {
                return Problem(path, type, "is code, not data", "pass the values it needs");
            }

            if (KnownTypes.DerivesFrom(type, types.Task) || KnownTypes.Is(type, types.ValueTask) || KnownTypes.Is(type, types.ValueTaskOfT))
            {
                return Problem(path, type, "is a task, not a value", "await it inside the step and return its result");
            }

            if (PayloadTypes.Implements(type, types.AsyncEnumerable))
            {
                return Problem(path, type, "is an async stream, which System.Text.Json cannot write into a payload", "collect the items into a List<T> inside the step");
            }

            if (KnownTypes.DerivesFrom(type, types.Stream))
            {
                return Problem(path, type, "is a stream, which System.Text.Json cannot write", "pass the bytes (byte[]), or for large content a reference to where it is stored");
            }

            if (KnownTypes.DerivesFrom(type, types.MemberInfo) || KnownTypes.Is(type, types.CancellationToken))
            {
                return Problem(path, type, "cannot be written by System.Text.Json", "pass a name or the values it describes");
            }

            if (KnownTypes.DerivesFrom(type, types.Exception))
            {
                return Problem(path, type, "is an exception, which comes back with a new message and no stack", "throw it from the step, or return a record of what the saga needs");
            }

            if (KnownTypes.Is(type, types.Stack) || KnownTypes.Is(type, types.ConcurrentStack))
            {
                return Problem(path, type, "is a stack: it is written top first and pushed back in that order, so it arrives reversed", "use a List<T>");
            }

            if (KnownTypes.Is(type, types.ReadOnlySet))
            {
                return Problem(path, type, "is an IReadOnlySet<T>, which System.Text.Json cannot create", "declare a HashSet<T> or an ISet<T>");
            }

            return null;
        }

        /// <summary>Dictionaries and collections: their keys must be written as names, and their items checked.</summary>
        private bool IsContainer(ITypeSymbol type, string? path, int depth, out PayloadProblem? problem)
        {
            if ((PayloadTypes.Interface(type, types.Dictionary) ?? PayloadTypes.Interface(type, types.ReadOnlyDictionary)) is { TypeArguments: [var key, var value] })
            {
                problem = KeyProblem(key, path, type) ?? Visit(value, Element(path, type), depth + 1);
                return true;
            }

            if (PayloadTypes.Interface(type, types.Enumerable) is not { TypeArguments: [var item] })
            {
                problem = null;
                return false;
            }

            // The framework's collection interfaces are created as lists, sets and dictionaries; an
            // interface of the user's is not.
            problem = type.TypeKind == TypeKind.Interface && !InCollectionsNamespace(type)
                ? Abstract(type, path)
                : Visit(item, Element(path, type), depth + 1);
            return true;
        }

        private static PayloadProblem? KeyProblem(ITypeSymbol key, string? path, ITypeSymbol dictionary)
        {
            // Keys are written as property names: System.Text.Json knows how for strings, numbers,
            // enums, Guid and the date and time types, and throws for anything else.
            var composite = key.IsTupleType
                || (key.TypeKind is TypeKind.Class or TypeKind.Struct or TypeKind.Interface
                    && key.SpecialType == SpecialType.None
                    && !InNamespace(key, "System"));
            return composite
                ? Problem(path, dictionary, "has keys of type '" + key.ToDisplayString() + "', which System.Text.Json cannot write as property names, so it throws", "key the dictionary by a string, a number, an enum or a Guid")
                : null;
        }

        /// <summary>A class, struct or record: how it is created, and what it holds.</summary>
        private PayloadProblem? Members(ITypeSymbol type, string? path, int depth)
        {
            if (type.TypeKind == TypeKind.Interface || type.IsAbstract)
            {
                return Abstract(type, path);
            }

            // The framework's own values (dates, Guid, Uri, Version, ...) have converters of their own.
            if (InNamespace(type, "System") || type is not INamedTypeSymbol named || !visiting.Add(type))
            {
                return null;
            }

            try
            {
                var inSource = named.OriginalDefinition.Locations.Any(static location => location.IsInSource);
                var (parameters, unconstructible) = inSource ? ChosenConstructor(named, path) : (null, null);
                if (unconstructible is not null)
                {
                    return unconstructible;
                }

                parameters ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (var current = named; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
                {
                    foreach (var member in current.GetMembers())
                    {
                        if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public || member.IsImplicitlyDeclared || !seen.Add(member.Name))
                        {
                            continue;
                        }

                        var problem = member switch
                        {
                            IFieldSymbol field when inSource => Field(field, path, type, depth),
                            IPropertySymbol property => Property(property, parameters, inSource, path, type, depth),
                            _ => null,
                        };
                        if (problem is not null)
                        {
                            return problem;
                        }
                    }
                }

                return null;
            }
            finally
            {
                visiting.Remove(type);
            }
        }

        private PayloadProblem? Field(IFieldSymbol field, string? path, ITypeSymbol owner, int depth)
        {
            if (field.IsConst || KnownSymbols.HasAttribute(field, types.JsonIgnore))
            {
                return null;
            }

            return KnownSymbols.HasAttribute(field, types.JsonInclude)
                ? Visit(field.Type, Member(path, owner, field.Name), depth + 1)
                : Problem(path, MemberOf(owner, field), "is a public field, which System.Text.Json skips, so it arrives empty", "make it a property with a public setter or init, or mark it [JsonInclude]");
        }

        private PayloadProblem? Property(IPropertySymbol property, HashSet<string> parameters, bool inSource, string? path, ITypeSymbol owner, int depth)
        {
            if (property.IsIndexer
                || property.GetMethod is not { DeclaredAccessibility: Accessibility.Public }
                || KnownSymbols.HasAttribute(property, types.JsonIgnore)
                || KnownSymbols.HasAttribute(property, types.JsonExtensionData))
            {
                return null;
            }

            var memberPath = Member(path, owner, property.Name);
            var settable = property.SetMethod is { DeclaredAccessibility: Accessibility.Public }
                || KnownSymbols.HasAttribute(property, types.JsonInclude)
                || parameters.Contains(property.Name);

            // A computed property is written and ignored on the way back, which loses nothing; a stored
            // one the reader cannot set arrives empty.
            if (!settable && inSource && IsAutoProperty(property))
            {
                return Problem(path, MemberOf(owner, property), "has no public setter or init and no constructor parameter of its name, so System.Text.Json leaves it empty when it reads the payload", "give it a public init, or take it as a constructor parameter named '" + CamelCase(property.Name) + "'");
            }

            return Visit(property.Type, memberPath, depth + 1);
        }

        private bool IsAutoProperty(IPropertySymbol property)
        {
            foreach (var reference in property.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors }
                    && accessors.Accessors.All(static accessor => accessor.Body is null && accessor.ExpressionBody is null))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The constructor System.Text.Json reads with: one marked [JsonConstructor]; for a class a public
        /// parameterless one, else its only public one; for a struct its default. Properties it does
        /// not set must be settable.
        /// </summary>
        private (HashSet<string>? Parameters, PayloadProblem? Problem) ChosenConstructor(INamedTypeSymbol type, string? path)
        {
            var constructors = type.InstanceConstructors;
            var marked = constructors.FirstOrDefault(constructor => KnownSymbols.HasAttribute(constructor, types.JsonConstructor));
            if (marked is null && type.TypeKind == TypeKind.Struct)
            {
                return (null, null);
            }

            var publicOnes = constructors.Where(static constructor => constructor.DeclaredAccessibility == Accessibility.Public).ToList();
            var chosen = marked
                ?? publicOnes.FirstOrDefault(static constructor => constructor.Parameters.Length == 0)
                ?? (publicOnes.Count == 1 ? publicOnes[0] : null);
            if (chosen is null)
            {
                var count = publicOnes.Count == 0 ? "no public constructor" : publicOnes.Count + " public constructors with parameters";
                return (null, Problem(path, type, "has " + count + ", so System.Text.Json cannot create it and throws", "add a public parameterless constructor, or mark the one to read with [JsonConstructor]"));
            }

            return (new HashSet<string>(chosen.Parameters.Select(static parameter => parameter.Name), StringComparer.OrdinalIgnoreCase), null);
        }

        private PayloadProblem? Abstract(ITypeSymbol type, string? path) =>
            KnownSymbols.HasAttribute(type, types.JsonDerivedType)
                ? null
                : Problem(path, type, "is " + (type.TypeKind == TypeKind.Interface ? "an interface" : "abstract") + ", which System.Text.Json cannot create, so reading the payload throws", "declare a concrete type, or list the implementations with [JsonDerivedType]");
    }

    private static PayloadProblem Problem(string? path, ITypeSymbol type, string why, string fix) =>
        Problem(path, "'" + Display(type) + "'", why, fix);

    private static PayloadProblem Problem(string? path, string subject, string why, string fix) =>
        new(path, subject + " " + why, fix);

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    private static string MemberOf(ITypeSymbol owner, ISymbol member) => "'" + Display(owner) + "." + member.Name + "'";

    private static string Member(string? path, ITypeSymbol owner, string member) =>
        (path ?? Display(owner)) + "." + member;

    private static string Element(string? path, ITypeSymbol container) =>
        (path ?? Display(container)) + "[]";

    private static bool InNamespace(ITypeSymbol type, string root)
    {
        var name = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        return name == root || name.StartsWith(root + ".", StringComparison.Ordinal);
    }

    private static bool InCollectionsNamespace(ITypeSymbol type) =>
        InNamespace(type, "System.Collections");

    private static string CamelCase(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);
}
