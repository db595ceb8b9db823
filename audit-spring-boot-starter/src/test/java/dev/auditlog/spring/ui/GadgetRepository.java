package dev.auditlog.spring.ui;

import org.springframework.data.jpa.repository.JpaRepository;

interface GadgetRepository extends JpaRepository<Gadget, Long> {

}
