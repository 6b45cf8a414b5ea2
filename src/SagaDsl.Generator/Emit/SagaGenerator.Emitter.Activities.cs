using System.Collections.Generic;
using System.Linq;
using SagaDsl.Generator.Emit;
using SagaDsl.Generator.Model;

namespace SagaDsl.Generator;

public sealed partial class SagaGenerator
{
    private static partial class Emitter
    {
        // Nested in the saga class, so steps and compensations may stay private.
        private static void WriteActivities(SourceWriter writer, SagaModel saga)
        {
            // A lower-case name is warned about (CS8981) where the user declares the saga; this part of
            // the class would repeat the warning in a file the user cannot change.
            var lowerCase = saga.ClassName.All(static letter => letter is >= 'a' and <= 'z');
            if (lowerCase)
            {
                writer.Line("#pragma warning disable CS8981");
            }

            writer.Line($"{(saga.IsStatic ? "static " : string.Empty)}partial class {saga.ClassName}");
            if (lowerCase)
            {
                writer.Line("#pragma warning restore CS8981");
            }

            writer.Open()
                .Line("/// <summary>")
                .Line($"/// The Temporal activities of the {saga.ClassName} saga, one per step and compensation. Each")
                .Line("/// receives the idempotency key the workflow derived and hands it to the saga's method in its")
                .Line("/// <see cref=\"global::SagaDsl.StepContext\"/>.")
                .Line("/// </summary>")
                .Line(GeneratedCode)
                .Open($"{saga.Accessibility} sealed class {GeneratedNames.ActivitiesClass}");
            if (saga.NeedsInstance)
            {
                writer.Line($"private readonly {saga.FullName} {LocalNames.SagaField(saga)};")
                    .Line()
                    .Line("/// <summary>Initializes a new instance of the <see cref=\"Activities\"/> class.</summary>")
                    .Line("/// <param name=\"saga\">The saga whose steps the activities run.</param>")
                    .Line($"public Activities({saga.FullName} saga) => this.{LocalNames.SagaField(saga)} = saga;");
            }

            var separate = saga.NeedsInstance;
            var compensations = new List<string>();
            foreach (var step in saga.AllSteps)
            {
                WriteActivity(writer, saga, step.Method, step.ActivityName, ref separate);
                foreach (var compensation in step.AllCompensations.Where(compensation => !compensations.Contains(compensation.Method.Name)))
                {
                    compensations.Add(compensation.Method.Name);
                    WriteActivity(writer, saga, compensation.Method, compensation.ActivityName, ref separate);
                }
            }

            writer.Close().Close();
        }

        private static void WriteActivity(SourceWriter writer, SagaModel saga, MethodModel method, string activityName, ref bool separate)
        {
            if (separate)
            {
                writer.Line();
            }

            separate = true;

            // The key and the step context are the adapter's own; a parameter the adapter passes on may already have their names.
            var taken = DataParameters(method).Select(static parameter => parameter.Name.TrimStart('@')).ToList();
            var key = LocalNames.Unique("idempotencyKey", taken);
            var context = LocalNames.Unique("context", taken);
            var parameters = DataParameters(method).Select(static parameter => $"{parameter.Type} {parameter.Name}").Append("string " + key);
            var field = LocalNames.SagaField(saga);
            var target = method.IsStatic ? saga.FullName : taken.Contains(field) ? "this." + field : field;
            var arguments = method.Parameters.Select(parameter => parameter.Binding switch
            {
                BindingKind.StepContext => context,
                BindingKind.CancellationToken => context + ".CancellationToken",
                _ => parameter.Name,
            });
            var call = $"{target}.{method.Identifier}({string.Join(", ", arguments)})";
            var (returnType, body) = method.ReturnKind switch
            {
                ReturnKind.Void => ("void", call + ";"),
                ReturnKind.Value => (method.ResultType!, "return " + call + ";"),
                ReturnKind.Task => ("global::System.Threading.Tasks.Task", "return " + call + ";"),
                ReturnKind.TaskOfValue => ($"global::System.Threading.Tasks.Task<{method.ResultType}>", "return " + call + ";"),
                ReturnKind.ValueTask => ("global::System.Threading.Tasks.Task", "return " + call + ".AsTask();"),
                _ => ($"global::System.Threading.Tasks.Task<{method.ResultType}>", "return " + call + ".AsTask();"),
            };

            writer.Line($"/// <summary>Runs the saga's <c>{method.Name}</c> as activity <c>{Literals.DocText(activityName)}</c>.</summary>")
                .Line($"[global::Temporalio.Activities.Activity({Literals.Quote(activityName)})]")
                .Open($"public {returnType} {method.Identifier}({string.Join(", ", parameters)})");
            if (method.UsesContext)
            {
                writer.Line($"var {context} = global::SagaDsl.StepContext.FromCurrentActivity({Literals.Quote(activityName)}, {key});");
            }

            writer.Line(body).Close();
        }
    }
}
