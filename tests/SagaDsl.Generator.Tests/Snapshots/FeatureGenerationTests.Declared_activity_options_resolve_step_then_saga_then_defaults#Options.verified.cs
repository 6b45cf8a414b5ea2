        /// <summary>The activity options of every step and compensation, as declared on the saga.</summary>
        private static class Options
        {
            public static global::Temporalio.Workflows.ActivityOptions BuyLabel => new()
            {
                StartToCloseTimeout = global::System.TimeSpan.FromMinutes(2),
                ScheduleToCloseTimeout = global::System.TimeSpan.FromHours(1),
                HeartbeatTimeout = global::System.TimeSpan.FromSeconds(10),
                TaskQueue = "carrier",
                RetryPolicy = new()
                {
                    MaximumAttempts = 4,
                    InitialInterval = global::System.TimeSpan.FromMilliseconds(500),
                    MaximumInterval = global::System.TimeSpan.FromMinutes(1),
                    BackoffCoefficient = 1.5F,
                    NonRetryableErrorTypes = new[] { "AddressInvalid", "Embargo" },
                },
                CancellationType = global::Temporalio.Workflows.ActivityCancellationType.WaitCancellationCompleted,
            };

            public static global::Temporalio.Workflows.ActivityOptions BuyLabelCompensation => new()
            {
                StartToCloseTimeout = global::System.TimeSpan.FromSeconds(15),
                RetryPolicy = new()
                {
                    MaximumAttempts = 20,
                    InitialInterval = global::System.TimeSpan.FromMilliseconds(500),
                    MaximumInterval = global::System.TimeSpan.FromMinutes(1),
                    BackoffCoefficient = 1.5F,
                },
                CancellationToken = global::System.Threading.CancellationToken.None,
            };

            public static global::Temporalio.Workflows.ActivityOptions Handover => new()
            {
                StartToCloseTimeout = global::System.TimeSpan.FromHours(24),
                RetryPolicy = new()
                {
                    MaximumAttempts = 4,
                    InitialInterval = global::System.TimeSpan.FromMilliseconds(500),
                    MaximumInterval = global::System.TimeSpan.FromMinutes(1),
                    BackoffCoefficient = 1.5F,
                },
                CancellationType = global::Temporalio.Workflows.ActivityCancellationType.WaitCancellationCompleted,
            };
        }
