package dev.auditlog.benchmarks.variant;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

/**
 * What every variant's application shares: the statement counter around its data source.
 * The proxy is always there, so that every variant pays for it alike; it counts only
 * while enabled.
 */
@Configuration(proxyBeanMethods = false)
public class BenchmarkInfrastructure {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static StatementCounter statementCounter() {
		return new StatementCounter();
	}

	@Bean
	static BeanPostProcessor countingDataSource(StatementCounter statementCounter) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
					return ProxyDataSourceBuilder.create(dataSource).name(beanName).listener(statementCounter).build();
				}
				return bean;
			}

		};
	}

}
