package cn.jiceng.member;

/** The mobility form on a member's card, as typed. */
class MobilityForm {

	private String destination;
	private String startedOn;
	private String endedOn;

	public String getDestination() {
		return destination;
	}

	public void setDestination(String destination) {
		this.destination = destination;
	}

	public String getStartedOn() {
		return startedOn;
	}

	public void setStartedOn(String startedOn) {
		this.startedOn = startedOn;
	}

	public String getEndedOn() {
		return endedOn;
	}

	public void setEndedOn(String endedOn) {
		this.endedOn = endedOn;
	}
}
