-- Accessible study (私人定制法): study materials kept per format. A material is a text from which the large-print
-- PDF is generated on request; its dialect audio recordings are files under the data directory (stored as meeting
-- evidence is: content-addressed, the path recorded here).
CREATE TABLE study_material (
    id              BIGINT         NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id       BIGINT         NOT NULL,
    organization_id BIGINT         NOT NULL,
    title           VARCHAR(100)   NOT NULL,
    text            VARCHAR(20000) NOT NULL,
    created_by      VARCHAR(50)    NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT study_material_pk PRIMARY KEY (id, county_id),
    CONSTRAINT study_material_organization_id_fk FOREIGN KEY (organization_id, county_id)
        REFERENCES organization (id, county_id)
);
CREATE INDEX study_material_organization_idx ON study_material (organization_id, created_at);

CREATE TABLE study_material_audio (
    id           BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id    BIGINT       NOT NULL,
    material_id  BIGINT       NOT NULL,
    dialect      VARCHAR(50)  NOT NULL,
    name         VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size         BIGINT       NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    storage_path VARCHAR(500) NOT NULL,
    uploaded_by  VARCHAR(50)  NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT study_material_audio_pk PRIMARY KEY (id, county_id),
    CONSTRAINT study_material_audio_material_id_fk FOREIGN KEY (material_id, county_id)
        REFERENCES study_material (id, county_id) ON DELETE CASCADE,
    CONSTRAINT study_material_audio_size_ck CHECK (size > 0)
);
CREATE INDEX study_material_audio_material_idx ON study_material_audio (material_id);
