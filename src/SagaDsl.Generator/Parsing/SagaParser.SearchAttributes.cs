using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SagaDsl.Generator.Diagnostics;
using SagaDsl.Generator.Model;

namespace SagaDsl.Generator;

internal sealed partial class SagaParser
{

    // The members the generated SearchAttributes class declares besides one key per property.
    private static readonly HashSet<string> GeneratedKeyMembers = new(System.StringComparer.Ordinal) { GeneratedNames.AllKeys, GeneratedNames.ForStart, GeneratedNames.SearchAttributesClass };
    private const string IndexableTypes = "string, Guid, an enum, an integer, double, float, decimal, bool, DateTimeOffset or a collection of strings";

    // The server's system, predefined and reserved names (common/searchattribute/sadefs in
    // temporalio/temporal): a workflow cannot upsert any of them, nor any name with the prefix.
    private const string ReservedPrefix = "Temporal";
    private const string ReservedExamples = "WorkflowId, ExecutionStatus, StartTime, ...";
    private static readonly HashSet<string> ReservedSearchAttributes = new(System.StringComparer.Ordinal)
    {
        "NamespaceId", "WorkflowId", "RunId", "WorkflowType", "StartTime", "ExecutionTime", "CloseTime", "ExecutionStatus",
        "TaskQueue", "HistoryLength", "ExecutionDuration", "StateTransitionCount", "HistorySizeBytes", "ParentWorkflowId",
        "ParentRunId", "RootWorkflowId", "RootRunId", "BinaryChecksums", "BatcherNamespace", "BatcherUser", "BuildIds",
        "MemoEncoding", "Memo", "VisibilityTaskKey",
    };

    private static bool IsReservedSearchAttribute(string name) =>
        ReservedSearchAttributes.Contains(name) || name.StartsWith(ReservedPrefix, System.StringComparison.Ordinal);

    /// <summary>
    /// Search attributes are read from the saga input when the workflow starts; on a step's result
    /// the attribute would be ignored, so it is reported where it is written.
    /// </summary>
    private void CheckResultSearchAttributes(IEnumerable<(ITypeSymbol Result, string Step)> results, ITypeSymbol? input)
    {
        var checkedTypes = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        if (input is not null)
        {
            checkedTypes.Add(input);
        }

        foreach (var (result, step) in results)
        {
            for (var type = result; type is { SpecialType: SpecialType.None } && !IsFrameworkType(type) && checkedTypes.Add(type); type = type.BaseType)
            {
                foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
                {
                    if (KnownTypes.Find(property, known.SearchAttribute) is { } attribute)
                    {
                        var name = attribute.ConstructorArguments is [{ Value: string declared }] ? declared : property.Name;
                        Report(SagaDiagnostics.InvalidSearchAttribute, LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken)), name, property.Name, "is on " + type.Name + ", the result of step '" + step + "', but search attributes are read from the saga input when the workflow starts; move the property to the input");
                    }
                }
            }
        }
    }

    private static bool IsFrameworkType(ITypeSymbol type) =>
        type.ContainingNamespace?.ToDisplayString() is { } name && (name == "System" || name.StartsWith("System.", System.StringComparison.Ordinal));

    /// <summary>
    /// Reads the <c>[SearchAttribute]</c> properties of the saga input and its base types: the ones the
    /// saga sets, and the removed ones only older shapes' executions still set.
    /// </summary>
    private (List<SearchAttributeModel> Current, List<SearchAttributeModel> Removed) ReadSearchAttributes(ITypeSymbol? input, LocationInfo? sagaLocation, bool withPhase)
    {
        var found = new List<SearchAttributeModel>();
        var removed = new List<SearchAttributeModel>();
        var names = new HashSet<string>();
        for (var type = input; type is not null; type = type.BaseType)
        {
            foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
            {
                if (KnownTypes.Find(property, known.SearchAttribute) is not { } attribute)
                {
                    continue;
                }

                var name = attribute.ConstructorArguments is [{ Value: string declared }] ? declared : property.Name;
                var location = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken)) ?? sagaLocation;
                var problem = Classify(property, out var kind, out var conversion, out var mayBeNull);
                if (string.IsNullOrWhiteSpace(name))
                {
                    problem = "has no name";
                }
                else if (!names.Add(name))
                {
                    problem = "is declared twice on the input";
                }
                else if (IsReservedSearchAttribute(name))
                {
                    problem = "is a name Temporal keeps for its own search attributes (" + ReservedExamples + ", every name starting with '" + ReservedPrefix + "'), so the server rejects the upsert and the workflow task fails; give it another name with [SearchAttribute(\"...\")]";
                }
                else if (GeneratedKeyMembers.Contains(property.Name) || (withPhase && property.Name == GeneratedNames.PhaseKey) || property.Name.StartsWith(GeneratedNames.OlderPhaseKeyPrefix, System.StringComparison.Ordinal) || GeneratedNames.ObjectMembers.Contains(property.Name))
                {
                    problem = "is read from a property named '" + property.Name + "', a name the generated SearchAttributes class declares for itself; rename the property and keep the search attribute's name with [SearchAttribute(\"" + name + "\")]";
                }

                if (problem is not null)
                {
                    Report(SagaDiagnostics.InvalidSearchAttribute, location, name, property.Name, problem);
                    continue;
                }

                (Named<bool>(attribute, AttributeNames.SearchAttribute.Removed) == true ? removed : found).Add(new SearchAttributeModel(name, property.Name, kind, conversion, mayBeNull));
            }
        }

        return (found, removed);
    }

    private string? Classify(IPropertySymbol property, out SearchAttributeKind kind, out SearchValueConversion conversion, out bool mayBeNull)
    {
        kind = SearchAttributeKind.Keyword;
        conversion = SearchValueConversion.None;
        mayBeNull = property.Type.IsReferenceType;
        if (property.IsStatic || property.IsIndexer || property.GetMethod is null)
        {
            return "is not a readable instance property";
        }

        var type = property.Type;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
            mayBeNull = true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                return null;
            case SpecialType.System_Boolean:
                kind = SearchAttributeKind.Bool;
                return null;
            case SpecialType.System_Int64:
                kind = SearchAttributeKind.Long;
                return null;
            case SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32:
                (kind, conversion) = (SearchAttributeKind.Long, SearchValueConversion.ToLong);
                return null;
            case SpecialType.System_Double:
                kind = SearchAttributeKind.Double;
                return null;
            case SpecialType.System_Single or SpecialType.System_Decimal:
                (kind, conversion) = (SearchAttributeKind.Double, SearchValueConversion.ToDouble);
                return null;
        }

        if (type.TypeKind == TypeKind.Enum || KnownTypes.Is(type, known.Guid))
        {
            conversion = SearchValueConversion.ToText;
            return null;
        }

        if (KnownTypes.Is(type, known.DateTimeOffset))
        {
            kind = SearchAttributeKind.DateTimeOffset;
            return null;
        }

        if (type.AllInterfaces.Append(type).OfType<INamedTypeSymbol>().Any(face => KnownTypes.Is(face, known.EnumerableOfT) && face.TypeArguments[0].SpecialType == SpecialType.System_String))
        {
            (kind, conversion) = (SearchAttributeKind.KeywordList, SearchValueConversion.ToList);
            return null;
        }

        return "has type " + property.Type.ToDisplayString() + ", which Temporal cannot index; use " + IndexableTypes;
    }
}
