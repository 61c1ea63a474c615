using GraphQL.Types;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Nodes;

public sealed class ProductGraphType : NodeObjectGraphType
{
    public ProductGraphType() : base(NodeKind.Product, "A medical device or piece of medical equipment.")
    {
        // Nullable though every product has one: Technology.field is nullable, and fields of one name must have one
        // type for `... on Technology { field } ... on Product { field }` to be a valid selection.
        Field<FieldEnum>("field").Description("The medical field the product belongs to; always set for a product.").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuantityGraphType>>>>("targets")
            .Description("Specification targets the plans set, e.g. CT slices >= 256.").Resolve(c => c.Source.Targets);
    }
}
