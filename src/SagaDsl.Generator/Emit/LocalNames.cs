using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using SagaDsl.Generator.Model;

namespace SagaDsl.Generator.Emit;

/// <summary>
/// The names generated code declares next to user-chosen ones, chosen so the two never meet: the
/// saga input, which the workflow, client and search-attribute helpers take as a parameter, is
/// renamed when it would meet a name they declare or read by simple name.
/// </summary>
internal static class LocalNames
{
    /// <summary>What the generated code declares, or reads by simple name, where the saga input is a parameter.</summary>
    private static readonly string[] NextToInput =
    {
        "compensations", "deadline", "failure", "progress", "parking", "activities", "workflow", "client",
        "workflowId", "options", "start", "handle", "values", "others", "Options", GeneratedNames.SearchAttributesClass,
        "Definition", "WorkflowType", "TaskQueue", "Diagram", "Status", GeneratedNames.AllKeys, GeneratedNames.ForStart, GeneratedNames.PhaseKey,
    };

    // The names a saga needs depend on all its steps; the emitter asks for them many times per saga.
    private static readonly ConditionalWeakTable<SagaModel, SagaNames> PerSaga = new();

    /// <summary>The local holding a step's result.</summary>
    public static string ResultLocal(SagaModel saga, string step) => For(saga).Stems[step] + "Result";

    /// <summary>The local holding a step's idempotency key.</summary>
    public static string KeyLocal(SagaModel saga, string step) => For(saga).Stems[step] + "Key";

    /// <summary>The local holding a search attribute's value once it is known not to be null.</summary>
    public static string ValueLocal(SagaModel saga, string property) => For(saga).ValueLocals[property];

    /// <summary>The local holding a compensation's key (see <see cref="SagaNames"/>).</summary>
    public static string CompensationKeyLocal(SagaModel saga, string step) => For(saga).CompensationKeys[step];

    /// <summary>The nested class of activity options, named <c>Options</c> unless a step or compensation option takes that name.</summary>
    public static string OptionsClass(SagaModel saga) => For(saga).OptionsClass;

    /// <summary>The options member of a step's compensation: <c>{Step}Compensation</c> unless a step has that name.</summary>
    public static string CompensationOptions(SagaModel saga, string step) => For(saga).CompensationOptions[step];

    /// <summary>The activity adapters' field holding the saga: <c>saga</c>, unless a step or compensation, whose adapter method sits beside it, has that name.</summary>
    public static string SagaField(SagaModel saga) => For(saga).SagaField;

    /// <summary>The saga input's parameter name in generated code: the declared one, unless generated code needs it.</summary>
    /// <param name="saga">The saga.</param>
    /// <returns>The identifier to write.</returns>
    public static string SagaInput(SagaModel saga) => For(saga).Input;

    /// <summary><paramref name="preferred"/>, or with the first number from 2 that makes it free.</summary>
    /// <param name="preferred">The name wanted.</param>
    /// <param name="taken">The names in use, without <c>@</c>.</param>
    /// <returns>A name not in <paramref name="taken"/>.</returns>
    public static string Unique(string preferred, ICollection<string> taken)
    {
        var name = preferred;
        for (var number = 2; taken.Contains(name); number++)
        {
            name = preferred + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }

    // A run path of a versioned saga names its locals and the options it uses as the saga does: its steps
    // are some of the saga's, so names unique among all of them stay unique among its own.
    private static SagaNames For(SagaModel saga) => PerSaga.GetValue(saga.Declared ?? saga, static model => new SagaNames(model));

    /// <summary>
    /// The names of one saga that depend on its other names. Of the workflow's local families only the
    /// compensation keys and the step keys both end in <c>Key</c>, and only compensation options and
    /// step options share the options class: a step named like another one plus <c>Compensation</c>
    /// would meet them, so they take the next free name then.
    /// </summary>
    private sealed class SagaNames
    {
        public SagaNames(SagaModel saga)
        {
            var steps = saga.AllSteps.Select(static step => step.Method.Name).ToList();

            // Steps named alike but for the case of their first letter (Client, client) would share a
            // camel-case stem; the later one takes the next free stem.
            var stems = new List<string>();
            Stems = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var step in steps)
            {
                Stems[step] = Unique(Literals.Camel(step), stems);
                stems.Add(Stems[step]);
            }

            var stepKeys = steps.Select(step => Stems[step] + "Key").ToList();
            CompensationKeys = steps.ToDictionary(static step => step, step => Unique(Stems[step] + "CompensationKey", stepKeys), StringComparer.Ordinal);
            CompensationOptions = steps.ToDictionary(static step => step, step => Unique(step + "Compensation", steps), StringComparer.Ordinal);

            var members = new List<string>(steps);
            members.AddRange(saga.AllSteps.SelectMany(step => step.AllCompensations.Select(compensation => CompensationOptions[step.Method.Name] + compensation.OptionsVariant)));
            OptionsClass = Unique("Options", members);

            var taken = new HashSet<string>(NextToInput, StringComparer.Ordinal) { OptionsClass };
            foreach (var step in steps)
            {
                taken.Add(Stems[step] + "Result");
                taken.Add(Stems[step] + "Key");
                taken.Add(CompensationKeys[step]);
            }

            foreach (var attribute in saga.AllSearchAttributes)
            {
                taken.Add(attribute.Property);
            }

            // Properties named alike but for the case of their first letter (Region, region) would share one.
            ValueLocals = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var attribute in saga.AllSearchAttributes)
            {
                ValueLocals[attribute.Property] = Unique(Literals.Camel(attribute.Property) + "Value", taken);
                taken.Add(ValueLocals[attribute.Property]);
            }

            Input = Identifiers.Escape(Unique(taken.Contains(saga.InputName) ? "sagaInput" : saga.InputName, taken));

            var adapterMethods = new HashSet<string>(steps, StringComparer.Ordinal);
            adapterMethods.UnionWith(saga.AllSteps.SelectMany(static step => step.AllCompensations).Select(static compensation => compensation.Method.Name));
            SagaField = Unique("saga", adapterMethods);
        }

        public Dictionary<string, string> Stems { get; }

        public Dictionary<string, string> ValueLocals { get; }

        public Dictionary<string, string> CompensationKeys { get; }

        public Dictionary<string, string> CompensationOptions { get; }

        public string OptionsClass { get; }

        public string Input { get; }

        public string SagaField { get; }
    }
}
