package cn.jiceng.member;

/** The transfer form on a member's card, as typed (dates as text, so a bad one is reported on its field). */
class TransferForm {

	private String toOrganizationId;
	private String transferredOn;

	public TransferForm() {
	}

	TransferForm(String transferredOn) {
		this.transferredOn = transferredOn;
	}

	public String getToOrganizationId() {
		return toOrganizationId;
	}

	public void setToOrganizationId(String toOrganizationId) {
		this.toOrganizationId = toOrganizationId;
	}

	public String getTransferredOn() {
		return transferredOn;
	}

	public void setTransferredOn(String transferredOn) {
		this.transferredOn = transferredOn;
	}
}
