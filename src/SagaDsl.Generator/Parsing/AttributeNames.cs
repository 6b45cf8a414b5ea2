namespace SagaDsl.Generator;

/// <summary>
/// The attributes' named arguments, as the parser reads them from <c>AttributeData</c>. The generator
/// loads inside the compiler and cannot reference SagaDsl.Attributes, so these repeat the property
/// names; a test reflects over the attribute types and fails when the two disagree either way.
/// </summary>
internal static class AttributeNames
{
    /// <summary>The activity options every saga, step and compensation attribute shares (<c>ActivityOptionsAttribute</c>).</summary>
    public static class Options
    {
        public const string StartToCloseTimeout = nameof(StartToCloseTimeout);
        public const string ScheduleToCloseTimeout = nameof(ScheduleToCloseTimeout);
        public const string HeartbeatTimeout = nameof(HeartbeatTimeout);
        public const string MaximumAttempts = nameof(MaximumAttempts);
        public const string InitialInterval = nameof(InitialInterval);
        public const string MaximumInterval = nameof(MaximumInterval);
        public const string BackoffCoefficient = nameof(BackoffCoefficient);
        public const string NonRetryableErrorTypes = nameof(NonRetryableErrorTypes);
        public const string TaskQueue = nameof(TaskQueue);
    }

    /// <summary><c>[Saga]</c>, besides the activity options.</summary>
    public static class Saga
    {
        public const string Name = nameof(Name);
        public const string ParallelCompensation = nameof(ParallelCompensation);
        public const string Deadline = nameof(Deadline);
        public const string PhaseSearchAttribute = nameof(PhaseSearchAttribute);
        public const string CompensationMaximumAttempts = nameof(CompensationMaximumAttempts);
    }

    /// <summary><c>[SagaStep]</c>, besides the activity options.</summary>
    public static class SagaStep
    {
        public const string Pivot = nameof(Pivot);
        public const string Critical = nameof(Critical);
        public const string Removed = nameof(Removed);
    }

    /// <summary><c>[CompensatedBy]</c>, besides the activity options.</summary>
    public static class CompensatedBy
    {
        public const string Removed = nameof(Removed);
    }

    /// <summary><c>[SagaTaskQueue]</c>.</summary>
    public static class SagaTaskQueue
    {
        public const string MaxConcurrentActivities = nameof(MaxConcurrentActivities);
        public const string MaxTaskQueueActivitiesPerSecond = nameof(MaxTaskQueueActivitiesPerSecond);
    }

    /// <summary><c>[SearchAttribute]</c>.</summary>
    public static class SearchAttribute
    {
        public const string Removed = nameof(Removed);
    }
}
