using System.Linq;
using SagaDsl.Generator.Emit;
using SagaDsl.Generator.Model;

namespace SagaDsl.Generator;

public sealed partial class SagaGenerator
{
    private static partial class Emitter
    {
        private const string KeyType = "global::Temporalio.Common.SearchAttributeKey";

        private static void WriteSearchAttributeKeys(SourceWriter writer, SagaModel saga)
        {
            writer.Line("/// <summary>")
                .Line("/// The typed search attributes the saga sets from its input when it starts. Each must exist on")
                .Line("/// the Temporal namespace; <see cref=\"All\"/> lists them for registration.")
                .Line("/// </summary>")
                .Open("public static class SearchAttributes");
            foreach (var attribute in saga.SearchAttributes)
            {
                writer.Line($"/// <summary>The <c>{Literals.DocText(attribute.Name)}</c> search attribute, from <c>{attribute.Property}</c>.</summary>")
                    .Line($"public static readonly {KeyType}<{ValueType(attribute.Kind)}> {attribute.Property} = {KeyType}.Create{attribute.Kind}({Literals.Quote(attribute.Name)});")
                    .Line();
            }

            writer.Line("/// <summary>Gets every key, to register on the namespace or a dev server.</summary>")
                .Line($"public static global::System.Collections.Generic.IReadOnlyList<{KeyType}> All {{ get; }} = new {KeyType}[] {{ {string.Join(", ", saga.SearchAttributes.Select(static attribute => attribute.Property))} }};")
                .Line();
            WriteStartValues(writer, saga);
            writer.Close()
                .Line();
        }

        private static void WriteStartValues(SourceWriter writer, SagaModel saga)
        {
            const string Collection = "global::Temporalio.Common.SearchAttributeCollection";
            writer.Line($"/// <summary>Gets the values the saga sets from <paramref name=\"{saga.InputName}\"/>, over <paramref name=\"others\"/>, to start it with.</summary>")
                .Line($"/// <param name=\"{saga.InputName}\">The saga's input.</param>")
                .Line("/// <param name=\"others\">Search attributes the caller sets besides; the saga's own replace any of the same name.</param>")
                .Line("/// <returns>The search attributes for the start options.</returns>")
                .Open($"public static {Collection} ForStart({saga.InputType} {saga.InputName}, {Collection}? others = null)")
                .Line($"var values = others is null ? new {Collection}.Builder() : new {Collection}.Builder(others);");
            foreach (var attribute in saga.SearchAttributes)
            {
                var read = saga.InputName + "." + attribute.Property;
                if (!attribute.MayBeNull)
                {
                    writer.Line($"values.Set({attribute.Property}, {Convert(read, attribute.Conversion)});");
                    continue;
                }

                var value = Literals.Camel(attribute.Property) + "Value";
                writer.Open($"if ({read} is {{ }} {value})")
                    .Line($"values.Set({attribute.Property}, {Convert(value, attribute.Conversion)});")
                    .Close()
                    .Line();
            }

            writer.Line("return values.ToSearchAttributeCollection();")
                .Close();
        }

        private static void WriteSearchAttributeUpsert(SourceWriter writer, SagaModel saga)
        {
            writer.Line("// Set before the first step, so the saga can be found by business key while it runs.")
                .Line($"{Workflow}.UpsertTypedSearchAttributes(")
                .Indent();
            var last = saga.SearchAttributes.Length - 1;
            for (var index = 0; index <= last; index++)
            {
                writer.Line(Update(saga, saga.SearchAttributes[index]) + (index == last ? ");" : ","));
            }

            writer.Outdent().Line();
        }

        private static string Update(SagaModel saga, SearchAttributeModel attribute)
        {
            var key = "SearchAttributes." + attribute.Property;
            var read = saga.InputName + "." + attribute.Property;
            if (!attribute.MayBeNull)
            {
                return $"{key}.ValueSet({Convert(read, attribute.Conversion)})";
            }

            var value = Literals.Camel(attribute.Property) + "Value";
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
