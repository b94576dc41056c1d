package com.onyxos.common.schema;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Hands the session factory to {@link SchemaValidation}: Hibernate Reactive exposes no schema manager of its own,
 * and the standard integrator hook is the supported way to reach the underlying one.
 */
public class SessionFactoryCapture implements Integrator {

    private static volatile SessionFactoryImplementor sessionFactory;

    @Override
    public void integrate(Metadata metadata, BootstrapContext context, SessionFactoryImplementor factory) {
        sessionFactory = factory;
    }

    @Override
    public void disintegrate(SessionFactoryImplementor factory, SessionFactoryServiceRegistry registry) {
        if (sessionFactory == factory) {
            sessionFactory = null;
        }
    }

    static SessionFactoryImplementor sessionFactory() {
        return sessionFactory;
    }
}
