using Gatewayd.Dhcp6.Client;
using Gatewayd.Ndp;

namespace Gatewayd.Daemon;

/// <summary>Everything that can change the plan arrives as one of these, into one channel, handled one at a time.</summary>
internal abstract record DaemonInput;

internal sealed record LeaseInput(Dhcp6Event Event) : DaemonInput;

internal sealed record RouterInput(RouterTrackerEvent Event) : DaemonInput;

/// <summary>The slow timer: reconcile even when nothing was reported, so tampering is repaired.</summary>
internal sealed record TickInput : DaemonInput;

/// <summary>The watchdog's turn: handled in the loop, so WATCHDOG=1 goes out only while the loop makes progress.</summary>
internal sealed record WatchdogInput : DaemonInput;

/// <summary>SIGHUP: re-read the config. Many in a row are handled as one.</summary>
internal sealed record ReloadInput : DaemonInput;
