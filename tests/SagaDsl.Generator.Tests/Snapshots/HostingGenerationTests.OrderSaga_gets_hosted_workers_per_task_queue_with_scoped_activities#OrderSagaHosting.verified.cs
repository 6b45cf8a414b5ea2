    /// <summary>
    /// Hosts the OrderSaga saga with Temporalio.Extensions.Hosting: its workflow and activities on
    /// hosted workers, each activity run on a saga resolved from its own dependency-injection scope.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("SagaDsl.Generator", "0.1.0")]
    public static class OrderSagaHosting
    {
        /// <summary>
        /// Adds one hosted worker per task queue of the saga, each running the saga's part on that queue
        /// with the limits declared by [SagaTaskQueue], on the <c>ITemporalClient</c> the container provides
        /// (<c>AddTemporalClient</c>).
        /// </summary>
        /// <param name="services">The service collection.</param>
        /// <param name="configure">Configures each worker further, e.g. its client options.</param>
        /// <returns>The same service collection.</returns>
        public static global::Microsoft.Extensions.DependencyInjection.IServiceCollection AddOrderSagaWorkers(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Action<global::Temporalio.Extensions.Hosting.ITemporalWorkerServiceOptionsBuilder>? configure = null)
        {
            foreach (var taskQueue in new[] { "orders", "payments" })
            {
                var worker = SharedWorker(services, taskQueue).AddOrderSaga();
                configure?.Invoke(worker);
            }

            return services;
        }

        /// <summary>
        /// Adds what the saga runs on this hosted worker's task queue: the workflow on the saga's own queue,
        /// every step and compensation assigned to the queue, and the queue's declared limits.
        /// </summary>
        /// <param name="builder">The hosted worker; its task queue must be one the saga uses.</param>
        /// <returns>The same builder.</returns>
        public static global::Temporalio.Extensions.Hosting.ITemporalWorkerServiceOptionsBuilder AddOrderSaga(this global::Temporalio.Extensions.Hosting.ITemporalWorkerServiceOptionsBuilder builder)
        {
            global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddScoped<global::OrderSaga.OrderSaga>(builder.Services);
            global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddScoped<global::OrderSaga.OrderSaga.Activities>(builder.Services);
            switch (builder.TaskQueue)
            {
                case "orders":
                    global::Temporalio.Extensions.Hosting.TemporalWorkerServiceOptionsBuilderExtensions.AddWorkflow<global::OrderSaga.OrderSagaWorkflow>(builder);
                    AddActivities(builder, nameof(global::OrderSaga.OrderSaga.Activities.ReserveInventory), nameof(global::OrderSaga.OrderSaga.Activities.ReleaseInventory), nameof(global::OrderSaga.OrderSaga.Activities.UpdateInventory), nameof(global::OrderSaga.OrderSaga.Activities.NotifyCustomer));
                    break;
                case "payments":
                    AddActivities(builder, nameof(global::OrderSaga.OrderSaga.Activities.ProcessPayment), nameof(global::OrderSaga.OrderSaga.Activities.RefundPayment));
                    global::Temporalio.Extensions.Hosting.TemporalWorkerServiceOptionsBuilderExtensions.ConfigureOptions(builder, options => global::SagaDsl.Runtime.SagaWorkerOptions.Limit(options, 2, 0));
                    break;
                default:
                    throw new global::System.ArgumentException("The OrderSaga saga runs nothing on task queue '" + builder.TaskQueue + "'; its queues are orders, payments.", nameof(builder));
            }

            return builder;
        }

        /// <summary>The hosted worker of a task queue, added by the first saga on the queue and joined by the rest.</summary>
        private static global::Temporalio.Extensions.Hosting.ITemporalWorkerServiceOptionsBuilder SharedWorker(global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, string taskQueue)
        {
            // The hosting extensions refuse a second hosted worker for a queue, and two would each take tasks
            // the other's sagas registered.
            foreach (var service in services)
            {
                if (service.ServiceType == typeof(global::SagaDsl.Runtime.SharedSagaWorker) && service.ImplementationInstance is global::SagaDsl.Runtime.SharedSagaWorker { TaskQueue: var hosted } && hosted == taskQueue)
                {
                    return new global::Temporalio.Extensions.Hosting.TemporalWorkerServiceOptionsBuilder(taskQueue, services);
                }
            }

            global::Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, new global::SagaDsl.Runtime.SharedSagaWorker(taskQueue));
            return global::Microsoft.Extensions.DependencyInjection.TemporalHostingServiceCollectionExtensions.AddHostedTemporalWorker(services, taskQueue);
        }

        private static void AddActivities(global::Temporalio.Extensions.Hosting.ITemporalWorkerServiceOptionsBuilder builder, params string[] methods)
        {
            // Each activity resolves the adapters, and through them the saga, from a new scope, so steps
            // get scoped services (a DbContext, an HttpClient) like request handlers do.
            global::Temporalio.Extensions.Hosting.TemporalWorkerServiceOptionsBuilderExtensions.ConfigureOptions(builder)
                .Configure<global::System.IServiceProvider>((options, provider) =>
                {
                    foreach (var method in methods)
                    {
                        var activity = typeof(global::OrderSaga.OrderSaga.Activities).GetMethod(method)!;
                        options.AddActivity(global::Temporalio.Extensions.Hosting.ServiceProviderExtensions.CreateTemporalActivityDefinition(provider, typeof(global::OrderSaga.OrderSaga.Activities), activity));
                    }
                });
        }
    }
