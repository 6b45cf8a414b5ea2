using System.Linq;
using SagaDsl.Generator.Emit;
using SagaDsl.Generator.Model;

namespace SagaDsl.Generator;

public sealed partial class SagaGenerator
{
    private static partial class Emitter
    {
        private const string KeyType = "global::Temporalio.Common.SearchAttributeKey";

        // The name SagaPhase.Running has at run time; the phase changes later through SagaProgress.
        private const string RunningPhase = "Running";

        private const string PhaseKey = GeneratedNames.PhaseKey;

        private static System.Collections.Generic.IEnumerable<string> Keys(SagaModel saga)
        {
            var phases = saga.OlderPhaseAttributes.Select(static older => OlderPhaseKey(older.Shape));
            if (saga.PhaseSearchAttribute is not null)
            {
                phases = phases.Prepend(PhaseKey);
            }

            return phases.Concat(saga.AllSearchAttributes.Select(static attribute => attribute.Identifier));
        }

        private static string OlderPhaseKey(int shape) => GeneratedNames.OlderPhaseKeyPrefix + shape.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The key of a phase attribute, for the saga or one of its run paths: its own, or the one an older shape kept.</summary>
        private static string PhaseKeyOf(SagaModel saga, string phase)
        {
            var declared = saga.Declared ?? saga;
            return phase == declared.PhaseSearchAttribute ? PhaseKey : OlderPhaseKey(declared.OlderPhaseAttributes.First(older => older.Name == phase).Shape);
        }

        private static void WriteSearchAttributeKeys(SourceWriter writer, SagaModel saga)
        {
            writer.Line("/// <summary>")
                .Line(saga.HasSearchAttributes
                    ? "/// The typed search attributes the saga sets when it starts. Each must exist on the Temporal"
                    : "/// The typed search attributes executions of older shapes still set. Each must exist on the Temporal")
                .Line("/// namespace; <see cref=\"All\"/> lists them for registration.")
                .Line("/// </summary>")
                .Open($"public static class {GeneratedNames.SearchAttributesClass}");
            if (saga.PhaseSearchAttribute is { } phase)
            {
                writer.Line($"/// <summary>The <c>{Literals.DocText(phase)}</c> search attribute: the saga's phase, kept current as it changes.</summary>")
                    .Line($"public static readonly {KeyType}<string> {PhaseKey} = {KeyType}.CreateKeyword({Literals.Quote(phase)});")
                    .Line();
            }

            foreach (var (name, shape) in saga.OlderPhaseAttributes)
            {
                writer.Line($"/// <summary>The <c>{Literals.DocText(name)}</c> search attribute, where executions of shape {shape} keep their phase until the shape is retired.</summary>")
                    .Line($"public static readonly {KeyType}<string> {OlderPhaseKey(shape)} = {KeyType}.CreateKeyword({Literals.Quote(name)});")
                    .Line();
            }

            foreach (var attribute in saga.SearchAttributes)
            {
                writer.Line($"/// <summary>The <c>{Literals.DocText(attribute.Name)}</c> search attribute, from <c>{attribute.Property}</c>.</summary>")
                    .Line($"public static readonly {KeyType}<{ValueType(attribute.Kind)}> {attribute.Identifier} = {KeyType}.Create{attribute.Kind}({Literals.Quote(attribute.Name)});")
                    .Line();
            }

            foreach (var attribute in saga.RemovedSearchAttributes)
            {
                writer.Line($"/// <summary>The <c>{Literals.DocText(attribute.Name)}</c> search attribute, from <c>{attribute.Property}</c>: removed, set only by executions of older shapes when they start.</summary>")
                    .Line($"public static readonly {KeyType}<{ValueType(attribute.Kind)}> {attribute.Identifier} = {KeyType}.Create{attribute.Kind}({Literals.Quote(attribute.Name)});")
                    .Line();
            }

            writer.Line(saga.HasSearchAttributes
                    ? "/// <summary>Gets every key, to register on the namespace or a dev server.</summary>"
                    : "/// <summary>Gets every key the executions of older shapes still set, to keep registered on the namespace until they are retired.</summary>")
                .Line($"public static global::System.Collections.Generic.IReadOnlyList<{KeyType}> {GeneratedNames.AllKeys} {{ get; }} = new {KeyType}[] {{ {string.Join(", ", Keys(saga))} }};");
            if (saga.HasSearchAttributes)
            {
                writer.Line();
                WriteStartValues(writer, saga);
            }

            writer.Close()
                .Line();
        }

        private static void WriteStartValues(SourceWriter writer, SagaModel saga)
        {
            const string Collection = "global::Temporalio.Common.SearchAttributeCollection";
            var input = saga.InputType is null ? string.Empty : $"{saga.InputType} {LocalNames.SagaInput(saga)}, ";
            writer.Line("/// <summary>Gets the values the saga sets when it starts, over <paramref name=\"others\"/>, to start it with.</summary>");
            if (saga.InputType is not null)
            {
                writer.Line($"/// <param name=\"{LocalNames.SagaInput(saga).TrimStart('@')}\">The saga's input.</param>");
            }

            writer.Line("/// <param name=\"others\">Search attributes the caller sets besides; the saga's own replace any of the same name.</param>")
                .Line("/// <returns>The search attributes for the start options.</returns>")
                .Open($"public static {Collection} {GeneratedNames.ForStart}({input}{Collection}? others = null)")
                .Line($"var values = others is null ? new {Collection}.Builder() : new {Collection}.Builder(others);");
            if (saga.PhaseSearchAttribute is not null)
            {
                writer.Line($"values.Set(Phase, {Literals.Quote(RunningPhase)});");
            }

            // Keys are named through the class: a property may share its name with the parameter or the local.
            foreach (var attribute in saga.SearchAttributes)
            {
                var read = LocalNames.SagaInput(saga) + "." + attribute.Identifier;
                if (!attribute.MayBeNull)
                {
                    writer.Line($"values.Set(SearchAttributes.{attribute.Identifier}, {Convert(read, attribute.Conversion)});");
                    continue;
                }

                var value = LocalNames.ValueLocal(saga, attribute.Property);
                writer.Open($"if ({read} is {{ }} {value})")
                    .Line($"values.Set(SearchAttributes.{attribute.Identifier}, {Convert(value, attribute.Conversion)});")
                    .Close()
                    .Line();
            }

            writer.Line("return values.ToSearchAttributeCollection();")
                .Close();
        }

        private static void WriteSearchAttributeUpsert(SourceWriter writer, SagaModel saga)
        {
            var updates = saga.SearchAttributes.Select(attribute => Update(saga, attribute)).ToList();
            if (saga.PhaseSearchAttribute is not null)
            {
                updates.Insert(0, $"SearchAttributes.{PhaseKeyOf(saga, saga.PhaseSearchAttribute)}.ValueSet({Literals.Quote(RunningPhase)})");
            }

            writer.Line(saga.SearchAttributes.Length == 0
                    ? "// Set before the first step, so the saga can be found by its phase while it runs."
                    : "// Set before the first step, so the saga can be found by business key while it runs.")
                .Line($"{Workflow}.UpsertTypedSearchAttributes(")
                .Indent()
                .Arguments(updates)
                .Outdent()
                .Line();
        }

        private static string Update(SagaModel saga, SearchAttributeModel attribute)
        {
            var key = "SearchAttributes." + attribute.Identifier;
            var read = LocalNames.SagaInput(saga) + "." + attribute.Identifier;
            if (!attribute.MayBeNull)
            {
                return $"{key}.ValueSet({Convert(read, attribute.Conversion)})";
            }

            var value = LocalNames.ValueLocal(saga, attribute.Property);
            return $"{read} is {{ }} {value} ? {key}.ValueSet({Convert(value, attribute.Conversion)}) : {key}.ValueUnset()";
        }

        private static string Convert(string value, SearchValueConversion conversion) => conversion switch
        {
            SearchValueConversion.ToLong => "(long)" + value,
            SearchValueConversion.ToDouble => "(double)" + value,
            SearchValueConversion.ToText => value + ".ToString()",
            SearchValueConversion.ToList => $"new global::System.Collections.Generic.List<string>({value})",
            _ => value,
        };

        private static string ValueType(SearchAttributeKind kind) => kind switch
        {
            SearchAttributeKind.Long => "long",
            SearchAttributeKind.Double => "double",
            SearchAttributeKind.Bool => "bool",
            SearchAttributeKind.DateTimeOffset => "global::System.DateTimeOffset",
            SearchAttributeKind.KeywordList => "global::System.Collections.Generic.IReadOnlyCollection<string>",
            _ => "string",
        };
    }
}
