package dev.auditlog.sample;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The inventory's use cases, one transaction each: every change they make lands in the
 * audit log in that same transaction.
 */
@Service
class InventoryService {

	private final ProductRepository products;

	private final CategoryRepository categories;

	private final TagRepository tags;

	InventoryService(ProductRepository products, CategoryRepository categories, TagRepository tags) {
		this.products = products;
		this.categories = categories;
		this.tags = tags;
	}

	@Transactional(readOnly = true)
	List<Product> products() {
		return this.products.findAll();
	}

	@Transactional(readOnly = true)
	Product product(long id) {
		return this.products.findById(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No product " + id));
	}

	@Transactional
	Product create(ProductRequest request) {
		if (request.sku() == null || request.name() == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "sku and name are required");
		}
		if (this.products.findBySku(request.sku()).isPresent()) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "A product " + request.sku() + " exists already");
		}
		Product product = new Product(request.sku(), request.name(), request.unitPrice(), category(request.category()));
		apply(product, request);
		return this.products.save(product);
	}

	@Transactional
	Product update(long id, ProductRequest request) {
		Product product = product(id);
		if (request.name() != null) {
			product.setName(request.name());
		}
		if (request.unitPrice() != null) {
			product.setUnitPrice(request.unitPrice());
		}
		if (request.category() != null) {
			product.setCategory(category(request.category()));
		}
		apply(product, request);
		return product;
	}

	private void apply(Product product, ProductRequest request) {
		if (request.supplierCost() != null) {
			product.setSupplierCost(request.supplierCost());
		}
		if (request.status() != null) {
			product.setStatus(request.status());
		}
		if (request.description() != null) {
			product.setDescription(request.description());
		}
	}

	@Transactional
	void delete(long id) {
		this.products.delete(product(id));
	}

	@Transactional
	Product tag(long id, String name) {
		Product product = product(id);
		Tag tag = this.tags.findByName(name).orElseGet(() -> this.tags.save(new Tag(name)));
		product.getTags().add(tag);
		return product;
	}

	@Transactional
	Product untag(long id, String name) {
		Product product = product(id);
		product.getTags().removeIf((tag) -> tag.getName().equals(name));
		return product;
	}

	private @Nullable Category category(@Nullable String name) {
		if (name == null) {
			return null;
		}
		return this.categories.findByName(name).orElseGet(() -> this.categories.save(new Category(name)));
	}

}
