using Roadmap.Core.Storage;

namespace Roadmap.Tests.Support;

public class ForwardingGraphStoreTests
{
    [Fact]
    public void Every_member_of_the_store_interface_is_forwarded_and_can_be_overridden()
    {
        // A member IGraphStore gains (a default member above all) that the forwarding store lacks would answer from the
        // interface's default instead of the store a double wraps.
        var map = typeof(ForwardingGraphStore).GetInterfaceMap(typeof(IGraphStore));

        map.TargetMethods.Where(m => m.DeclaringType != typeof(ForwardingGraphStore) || !m.IsVirtual || m.IsFinal)
            .Select(m => m.Name).ShouldBeEmpty();
    }
}
