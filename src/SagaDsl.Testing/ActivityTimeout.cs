namespace SagaDsl.Testing;

/// <summary>Which of an activity's timeouts expired, as Temporal reports it.</summary>
public enum ActivityTimeout
{
    /// <summary>One attempt ran longer than its start-to-close timeout.</summary>
    StartToClose,

    /// <summary>The activity, retries included, ran longer than its schedule-to-close timeout.</summary>
    ScheduleToClose,

    /// <summary>No worker picked the activity up within its schedule-to-start timeout.</summary>
    ScheduleToStart,

    /// <summary>The activity stopped heartbeating for longer than its heartbeat timeout.</summary>
    Heartbeat,
}
