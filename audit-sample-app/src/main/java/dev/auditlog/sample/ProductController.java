package dev.auditlog.sample;

import java.util.List;

import dev.auditlog.annotation.AuditAccess;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The products API. Reading one product is logged as {@code ACCESS}.
 */
@RestController
@RequestMapping("/api/products")
class ProductController {

	private final InventoryService inventory;

	ProductController(InventoryService inventory) {
		this.inventory = inventory;
	}

	@GetMapping
	List<Product> list() {
		return this.inventory.products();
	}

	@GetMapping("/{id}")
	@AuditAccess
	Product read(@PathVariable long id) {
		return this.inventory.product(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Product create(@Valid @RequestBody ProductRequest request) {
		return this.inventory.create(request);
	}

	@PutMapping("/{id}")
	Product update(@PathVariable long id, @Valid @RequestBody ProductRequest request) {
		return this.inventory.update(id, request);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		this.inventory.delete(id);
	}

	@PutMapping("/{id}/tags/{tag}")
	Product tag(@PathVariable long id, @PathVariable String tag) {
		return this.inventory.tag(id, tag);
	}

	@DeleteMapping("/{id}/tags/{tag}")
	Product untag(@PathVariable long id, @PathVariable String tag) {
		return this.inventory.untag(id, tag);
	}

}
