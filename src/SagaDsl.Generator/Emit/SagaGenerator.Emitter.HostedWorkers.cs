using System.Linq;
using SagaDsl.Generator.Emit;
using SagaDsl.Generator.Model;

namespace SagaDsl.Generator;

public sealed partial class SagaGenerator
{
    private static partial class Emitter
    {
        private const string Builder = "global::Temporalio.Extensions.Hosting.ITemporalWorkerServiceOptionsBuilder";
        private const string Services = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";

        /// <summary>
        /// Registration for the .NET generic host, written only when the project references
        /// Temporalio.Extensions.Hosting: hosted workers, and activities resolved from a scope each.
        /// </summary>
        private static void WriteHostedWorkers(SourceWriter writer, SagaModel saga)
        {
            var queues = TaskQueues(saga);
            var activities = saga.ActivitiesClass;
            writer.Line("/// <summary>")
                .Line($"/// Hosts the {saga.ClassName} saga with Temporalio.Extensions.Hosting: its workflow and activities on")
                .Line("/// hosted workers, each activity run on a saga resolved from its own dependency-injection scope.")
                .Line("/// </summary>")
                .Line(GeneratedCode)
                .Open($"{saga.Accessibility} static class {saga.HostingClass}")
                .Line("/// <summary>")
                .Line("/// Adds one hosted worker per task queue of the saga, each running the saga's part on that queue")
                .Line("/// with the limits declared by [SagaTaskQueue], on the <c>ITemporalClient</c> the container provides")
                .Line("/// (<c>AddTemporalClient</c>).")
                .Line("/// </summary>")
                .Line("/// <param name=\"services\">The service collection.</param>")
                .Line("/// <param name=\"configure\">Configures each worker further, e.g. its client options.</param>")
                .Line("/// <returns>The same service collection.</returns>")
                .Line($"public static {Services} {GeneratedNames.AddWorkers(saga.ClassName)}(this {Services} services, global::System.Action<{Builder}>? configure = null)")
                .Open();
            writer.Open("foreach (var taskQueue in new[] { " + string.Join(", ", queues.Select(Literals.String)) + " })")
                .Line($"var worker = SharedWorker(services, taskQueue).{GeneratedNames.AddSaga(saga.ClassName)}();")
                .Line("configure?.Invoke(worker);")
                .Close()
                .Line()
                .Line("return services;")
                .Close()
                .Line()
                .Line("/// <summary>")
                .Line("/// Adds what the saga runs on this hosted worker's task queue: the workflow on the saga's own queue,")
                .Line("/// every step and compensation assigned to the queue, and the queue's declared limits.")
                .Line("/// </summary>")
                .Line("/// <param name=\"builder\">The hosted worker; its task queue must be one the saga uses.</param>")
                .Line("/// <returns>The same builder.</returns>")
                .Line($"public static {Builder} {GeneratedNames.AddSaga(saga.ClassName)}(this {Builder} builder)")
                .Open();
            if (saga.NeedsInstance)
            {
                writer.Line($"global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddScoped<{saga.FullName}>(builder.Services);");
            }

            writer.Line($"global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddScoped<{activities}>(builder.Services);")
                .Open("switch (builder.TaskQueue)");
            foreach (var queue in queues)
            {
                writer.Line($"case {Literals.Quote(queue)}:").Indent();
                if (queue == saga.TaskQueue)
                {
                    writer.Line($"global::Temporalio.Extensions.Hosting.TemporalWorkerServiceOptionsBuilderExtensions.AddWorkflow<{FullWorkflowName(saga)}>(builder);");
                }

                var names = ActivitiesOn(saga, queue).Select(name => $"nameof({activities}.{Identifiers.Escape(name)})").ToList();
                if (names.Count > 0)
                {
                    writer.Line($"AddActivities(builder, {string.Join(", ", names)});");
                }

                if (saga.TaskQueues.FirstOrDefault(limit => limit.Name == queue) is { } limits)
                {
                    writer.Line($"global::Temporalio.Extensions.Hosting.TemporalWorkerServiceOptionsBuilderExtensions.ConfigureOptions(builder, options => {Runtime}.SagaWorkerOptions.Limit(options, {Literals.Int(limits.MaxConcurrentActivities)}, {Literals.Double(limits.MaxTaskQueueActivitiesPerSecond)}));");
                }

                writer.Line("break;").Outdent();
            }

            writer.Line("default:").Indent()
                .Line(RejectUnknownQueue(saga, queues, "builder"))
                .Outdent()
                .Close()
                .Line()
                .Line("return builder;")
                .Close()
                .Line()
                .Line("/// <summary>The hosted worker of a task queue, added by the first saga on the queue and joined by the rest.</summary>")
                .Line($"private static {Builder} SharedWorker({Services} services, string taskQueue)")
                .Open()
                .Line("// The hosting extensions refuse a second hosted worker for a queue, and two would each take tasks")
                .Line("// the other's sagas registered.")
                .Open("foreach (var service in services)")
                .Open($"if (service.ServiceType == typeof({Runtime}.SharedSagaWorker) && service.ImplementationInstance is {Runtime}.SharedSagaWorker {{ TaskQueue: var hosted }} && hosted == taskQueue)")
                .Line("return new global::Temporalio.Extensions.Hosting.TemporalWorkerServiceOptionsBuilder(taskQueue, services);")
                .Close()
                .Close()
                .Line()
                .Line($"global::Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, new {Runtime}.SharedSagaWorker(taskQueue));")
                .Line("return global::Microsoft.Extensions.DependencyInjection.TemporalHostingServiceCollectionExtensions.AddHostedTemporalWorker(services, taskQueue);")
                .Close()
                .Line()
                .Line($"private static void AddActivities({Builder} builder, params string[] methods)")
                .Open()
                .Line("// Each activity resolves the adapters, and through them the saga, from a new scope, so steps")
                .Line("// get scoped services (a DbContext, an HttpClient) like request handlers do.")
                .Line("global::Temporalio.Extensions.Hosting.TemporalWorkerServiceOptionsBuilderExtensions.ConfigureOptions(builder)")
                .Indent()
                .Line(".Configure<global::System.IServiceProvider>((options, provider) =>")
                .Open()
                .Open("foreach (var method in methods)")
                .Line($"var activity = typeof({activities}).GetMethod(method)!;")
                .Line($"options.AddActivity(global::Temporalio.Extensions.Hosting.ServiceProviderExtensions.CreateTemporalActivityDefinition(provider, typeof({activities}), activity));")
                .Close()
                .Close("});")
                .Outdent()
                .Close()
                .Close();
        }
    }
}
