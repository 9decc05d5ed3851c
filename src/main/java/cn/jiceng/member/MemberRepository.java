package cn.jiceng.member;

import org.springframework.data.repository.ListCrudRepository;

interface MemberRepository extends ListCrudRepository<Member, Long> {

	boolean existsByIdNumber(String idNumber);
}
